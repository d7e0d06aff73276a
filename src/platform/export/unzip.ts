import { Unzip, UnzipInflate, zipSync } from 'fflate';

/**
 * What an uploaded XLSX may unpack to. A zip's own size fields are whatever its maker wrote — a
 * "zip bomb" declares a kilobyte and inflates to a gigabyte — so the bytes are counted as they come out.
 */
export const UNZIP_LIMITS = { entryBytes: 40 * 1024 * 1024, totalBytes: 60 * 1024 * 1024, entries: 1000 };

/** Fed to the inflater a slice at a time: deflate expands at most ~1 032 times, so one slice yields at most ~16 MB. */
const SLICE = 16 * 1024;

export type UnzipProblem = 'too_big' | 'broken';

/**
 * The zip's entries, inflated as a stream and stopped as soon as one entry or all of them together
 * pass the limits — or the problem. Nothing but the counted bytes is ever held.
 */
export function unzipBounded(data: Uint8Array, limits = UNZIP_LIMITS): { files: Record<string, Uint8Array> } | { problem: UnzipProblem } {
  const files: Record<string, Uint8Array> = {};
  let problem: UnzipProblem | null = null;
  let total = 0;
  let entries = 0;
  const unzip = new Unzip((file) => {
    if (problem) return;
    if (++entries > limits.entries) {
      problem = 'too_big';
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (problem) return;
      if (err) {
        problem = 'broken';
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > limits.entryBytes || total > limits.totalBytes) {
        problem = 'too_big';
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files[file.name] = Buffer.concat(chunks);
    };
    try {
      file.start();
    } catch {
      problem = 'broken'; // a compression method other than stored or deflate
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < data.length && !problem; at += SLICE) unzip.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
  } catch {
    problem ??= 'broken';
  }
  if (problem) return { problem };
  if (Object.keys(files).length === 0) return { problem: 'broken' };
  return { files };
}

/** The checked entries packed again without compression: the reader sees exactly what was counted. */
export const storedZip = (files: Record<string, Uint8Array>): Uint8Array => zipSync(files, { level: 0 });
