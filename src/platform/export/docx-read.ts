import { UNZIP_LIMITS, storedZip, unzipBounded } from './unzip';

/** A DOCX's text as paragraphs (empty ones dropped), or why it could not be read. */
export type DocxRead = { paragraphs: string[] } | { problem: 'broken' | 'unpacked_too_big' };

/**
 * Reads on the calling thread — only the worker calls this. The zip is unpacked within UNZIP_LIMITS
 * (a zip bomb stops there) before mammoth sees it; mammoth gives the raw text, a paragraph per line pair.
 */
export async function readDocxHere(data: Uint8Array): Promise<DocxRead> {
  const unpacked = unzipBounded(data, UNZIP_LIMITS);
  if ('problem' in unpacked) return { problem: unpacked.problem === 'too_big' ? 'unpacked_too_big' : 'broken' };
  if (!unpacked.files['word/document.xml']) return { problem: 'broken' };
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(storedZip(unpacked.files)) });
    return { paragraphs: result.value.split(/\n+/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '') };
  } catch {
    return { problem: 'broken' };
  }
}
