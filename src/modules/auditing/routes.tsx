import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can } from '../../platform/auth/access';
import { parse, text } from '../../platform/http/validation';
import type { ModuleContext } from '../../platform/module';
import { emptyForm } from '../../platform/ui/context';
import { AppError } from '../../platform/http/errors';
import type { AuditFilter } from './repository';
import { browse, exportRows } from './service';
import { AuditPage } from './views';
import { CSV_CONTENT_TYPE, toCsv } from '../../platform/export/csv';
import { tenantOf } from '../../platform/http/route-context';

type M = { municipality: string };
/** A real calendar day (Date.parse accepts 2026-02-30; PostgreSQL would not), year 1 onwards. */
const isCalendarDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && v >= '0001' && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const date = () => text(10).refine((v) => v === '' || isCalendarDay(v), { params: { code: 'date' } });
const filterSchema = z
  .object({
    from: date(),
    to: date(),
    action: text(100),
    actor: text(254),
    subject: text(100),
    person: text(200),
    before: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], params: { code: 'date_range' } });

function toFilter(query: unknown): AuditFilter {
  const f = parse(filterSchema, query);
  return {
    from: f.from || undefined,
    to: f.to || undefined,
    action: f.action || undefined,
    actor: f.actor || undefined,
    subject: f.subject || undefined,
    person: f.person || undefined,
    before: f.before,
  };
}

export async function auditingRoutes(app: FastifyInstance, { db, auditSubjects }: ModuleContext) {
  const read = { config: { access: can('audit.read') } };

  app.get<{ Params: M }>('/:municipality/audit', read, async (request, reply) => {
    const tenant = tenantOf(request);
    let filter: AuditFilter;
    let form = emptyForm(request.query as Record<string, string>);
    try {
      filter = toFilter(request.query);
    } catch (err) {
      if (!(err instanceof AppError) || !err.fields) throw err;
      form = { ...form, errors: err.fields };
      filter = {};
    }
    const result = await browse(db, request.dbContext(), auditSubjects, tenant.municipality.id, filter, request.auditActor());
    return reply.page((ctx) => <AuditPage ctx={ctx} form={form} filter={filter} {...result} />, Object.keys(form.errors).length ? 422 : 200);
  });

  app.get<{ Params: M }>('/:municipality/audit.csv', read, async (request, reply) => {
    const tenant = tenantOf(request);
    const filter = toFilter(request.query);
    const rows = await exportRows(db, request.dbContext(), auditSubjects, tenant.municipality.id, filter, request.auditActor());
    const csv = toCsv(
      rows.map((r) => [r.id, new Date(r.occurred_at).toISOString(), r.actor_label, r.action, r.subject_type, r.subject_id, r.reason, r.ip, r.request_id, JSON.stringify(r.details)]),
      { columns: ['id', 'occurred_at', 'actor', 'action', 'subject_type', 'subject_id', 'reason', 'ip', 'request_id', 'details'] },
    );
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', CSV_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="dziennik-zdarzen-${tenant.municipality.slug}-${day}.csv"`)
      .send(csv);
  });

  app.get<{ Params: M }>('/api/:municipality/audit-log', read, async (request) => {
    const tenant = tenantOf(request);
    const filter = toFilter(request.query);
    const { rows, hasMore, lastId } = await browse(db, request.dbContext(), auditSubjects, tenant.municipality.id, filter, request.auditActor());
    return { data: rows, next: hasMore && lastId ? { before: lastId } : null };
  });
}

