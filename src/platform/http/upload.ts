import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** The one file of an upload form as the multipart parser leaves it in the body. */
export interface Upload {
  filename: string;
  data: Buffer;
  /** Longer than the limit: only its first bytes up to the limit were read, the rest thrown away. */
  truncated: boolean;
}

/**
 * Lets the routes of `scope` take a form with one file of at most `maxBytes` and a few small fields.
 * The file is buffered into the body as an `Upload` before the guard checks access and CSRF; a longer
 * one is cut off there (`truncated`), for the route to refuse with a field error.
 */
export async function acceptOneFile(scope: FastifyInstance, maxBytes: number): Promise<void> {
  await scope.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 6, fieldSize: 4096 },
    onFile: async (part: MultipartFile) => {
      const upload: Upload = { filename: part.filename, data: await part.toBuffer(), truncated: part.file.truncated };
      part.value = upload;
    },
  });
}
