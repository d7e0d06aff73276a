import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import { translator } from '../../platform/i18n';
import type { ModuleContext } from '../../platform/module';
import { emptyForm, type FormState } from '../../platform/ui/context';
import { editorOf, MANAGE, municipalityId, type Params } from './admin/editor-routes';
import { importServices, type RowError } from './transfer/import';
import { servicesCsv, servicesXlsx } from './transfer/export';
import { FileProblem, readTable } from './transfer/read-file';
import { transferRepository } from './transfer/repository-transfer';
import { ImportDonePage, ImportPage } from './transfer/views-transfer';
import { UPLOAD_RATE } from '../../platform/export/rate';
import { XLSX_CONTENT_TYPE } from '../../platform/export/spreadsheet';
import { tenantOf } from '../../platform/http/route-context';

/** Uploads larger than this are refused with 413. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

interface Upload {
  filename: string;
  data: Buffer;
}


/**
 * Import and export of the services catalogue as CSV and XLSX (permission catalog.manage). The
 * upload is a multipart form: @fastify/multipart is registered only in this scope, buffering the
 * one file (at most 5 MB) into `request.body.file` before the guard checks access and CSRF.
 */
export async function transferRoutes(app: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const IMPORT = { config: { ...MANAGE.config, rateLimit: UPLOAD_RATE } };
  const exportFile = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, kind: 'csv' | 'xlsx') => {
    const services = await db.tx(request.dbContext(), (sql) => transferRepository.exportRows(sql, municipalityId(request)));
    const name = `uslugi-${tenantOf(request).municipality.slug}-${new Date().toISOString().slice(0, 10)}.${kind}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (kind === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').send(servicesCsv(services));
    return reply.header('content-type', XLSX_CONTENT_TYPE).send(await servicesXlsx(services, translator('pl')));
  };
  app.get<{ Params: Params }>('/:municipality/catalog/export.csv', MANAGE, (request, reply) => exportFile(request, reply, 'csv'));
  app.get<{ Params: Params }>('/:municipality/catalog/export.xlsx', MANAGE, (request, reply) => exportFile(request, reply, 'xlsx'));

  const page = (reply: FastifyReply, form: FormState, status = 200, rowErrors?: RowError[]) =>
    reply.page((ctx) => <ImportPage ctx={ctx} form={form} rowErrors={rowErrors} />, status);
  const fileError = (reply: FastifyReply, code: string, params?: FileProblem['params']) => page(reply, { values: {}, errors: { file: { code, ...(params ? { params } : {}) } } }, 422);

  app.get<{ Params: Params }>('/:municipality/catalog/import', MANAGE, (_request, reply) => page(reply, emptyForm()));

  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 8, fieldSize: 1024 },
      onFile: async (part: MultipartFile) => {
        const upload: Upload = { filename: part.filename, data: await part.toBuffer() };
        part.value = upload;
      },
    });
    scope.post<{ Params: Params }>('/:municipality/catalog/import', IMPORT, async (request, reply) => {
      const upload = (request.body as { file?: unknown } | undefined)?.file as Upload | undefined;
      if (!upload || !Buffer.isBuffer(upload.data) || (upload.data.length === 0 && upload.filename === '')) return fileError(reply, 'transfer_no_file');
      let table;
      try {
        table = await readTable(upload.filename, upload.data);
      } catch (err) {
        if (err instanceof FileProblem) return fileError(reply, err.code, err.params);
        throw err;
      }
      const outcome = await importServices(db, request.dbContext(), municipalityId(request), table, editorOf(request), request.auditActor());
      if (!outcome.ok) return page(reply, emptyForm(), 422, outcome.errors);
      return reply.page((ctx) => <ImportDonePage ctx={ctx} created={outcome.created} updated={outcome.updated} unchanged={outcome.unchanged} />);
    });
  });
}
