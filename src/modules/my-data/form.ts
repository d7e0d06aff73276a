import { z } from 'zod';
import { chosenId, parseFields } from '../../platform/http/form-fields';
import { text } from '../../platform/http/validation';
import { documentFilename, MAX_DOCUMENT_BYTES, sha256, sniffMediaType, type MediaType } from './documents';

import type { Upload } from '../../platform/http/upload';

export type { Upload };

export interface ParsedUpload {
  applicationId: string | null;
  description: string;
  file: { filename: string; mediaType: MediaType; data: Buffer; sha256: string };
}

const isUpload = (v: unknown): v is Upload => typeof v === 'object' && v !== null && Buffer.isBuffer((v as Upload).data);

/** What is wrong with the file, as a field error code: none sent, too big, empty, or not a PDF, JPEG or PNG by its bytes. */
function fileProblem(v: unknown): string | null {
  if (!isUpload(v) || (v.data.length === 0 && v.filename === '')) return 'document_required';
  if (v.truncated || v.data.length > MAX_DOCUMENT_BYTES) return 'document_too_big';
  if (v.data.length === 0) return 'document_empty';
  return sniffMediaType(v.data) ? null : 'document_type';
}

/**
 * The upload form: the file (checked by its bytes, never its name or declared type), a short
 * description, and — on the resident's form — which of their applications it belongs to.
 * Every mistake is reported at once; nothing is saved unless all is well.
 */
export function parseUpload(body: unknown, withApplication: boolean): ParsedUpload {
  // The file is checked below; it stands in the shape for its place in the error summary.
  const shape: Record<string, z.ZodType> = withApplication ? { application: chosenId(), file: z.unknown(), description: text(300) } : { file: z.unknown(), description: text(300) };
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const v = parseFields(shape, input, (_values, fail) => {
    const problem = fileProblem(input.file);
    if (problem) fail('file', problem);
  }) as { application?: string; description: string };
  const upload = input.file as Upload;
  const mediaType = sniffMediaType(upload.data)!;
  return {
    applicationId: v.application?.toLowerCase() ?? null,
    description: v.description,
    file: { filename: documentFilename(upload.filename, mediaType), mediaType, data: upload.data, sha256: sha256(upload.data) },
  };
}

export const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
