import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { requireCaseAccess, type CaseViewer } from '../cases';
import { ageWarnings, estimateWeeks, isInQueue, type ApplicationRow, type Warning } from './domain';
import { applications } from './repository';
import { queues, type QueueEntry } from './repository-queue';
import { capacity, consents, events, reads, type CapacityRow, type ConsentRow, type EventRow, type ReadRow } from './repository-records';
import type { ApplicationsDeps } from './service-apply';

/**
 * Every read of residents' applications by staff writes an audit entry (`application.read`) in the
 * same transaction: one application's page, a queue page (the ids shown), an export.
 */

export interface MyApplication extends ApplicationRow {
  /** Weeks at the present pace (null: no application of the service was accepted lately). */
  estimate: number | null;
}

/** "Moje wnioski": the person's own applications, with place and an honest estimate for those in a queue. */
export async function mine(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<MyApplication[]> {
  return deps.db.tx(ctx, async (sql) => {
    const list = await applications.ofApplicant(sql, municipalityId, userId);
    const pace = new Map<string, number>();
    const out: MyApplication[] = [];
    for (const a of list) {
      if (a.queue_position === null) {
        out.push({ ...a, estimate: null });
        continue;
      }
      if (!pace.has(a.service_id)) pace.set(a.service_id, await queues.acceptedRecently(sql, municipalityId, a.service_id));
      out.push({ ...a, estimate: estimateWeeks(a.queue_position, pace.get(a.service_id)!) });
    }
    return out;
  });
}

/** One of the person's own applications still in a queue (the withdrawal's confirmation page); another's, or a decided one, is refused. */
export async function myApplication(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, userId: string, id: string): Promise<MyApplication> {
  const found = (await mine(deps, ctx, municipalityId, userId)).find((a) => a.id === id);
  if (!found) throw new AppError('not_found');
  if (!isInQueue(found.status)) throw new AppError('application.closed');
  return found;
}

export interface ApplicationPage {
  application: ApplicationRow;
  warnings: Warning[];
  consents: ConsentRow[];
  history: EventRow[];
  units: { id: string; name: string }[];
  period: CapacityRow | undefined;
  last: number;
}

/** One application for staff. Once it belongs to a case, the case's need-to-know decides who reads it, and the read names the case. */
export async function applicationPage(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, id: string, viewer: CaseViewer, actor: AuditActor): Promise<ApplicationPage> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await applications.find(sql, municipalityId, id);
    if (!a) throw new AppError('not_found');
    if (a.case_id) await requireCaseAccess(sql, municipalityId, viewer, a.case_id);
    await audit(sql, municipalityId, actor, { action: 'application.read', subjectType: 'application', subjectId: id, details: { ids: [id], ...(a.case_id ? { cases: [a.case_id] } : {}) } });
    return {
      application: a,
      warnings: ageWarnings(a.criteria, a.beneficiary_birth_year),
      consents: await consents.of(sql, municipalityId, id),
      history: await events.of(sql, municipalityId, id),
      units: await applications.units(sql, municipalityId),
      period: await capacity.current(sql, municipalityId, a.service_id),
      last: await queues.last(sql, municipalityId, a.service_id),
    };
  });
}

export interface QueuePage {
  service: { id: string; name: string; status: string };
  entries: (QueueEntry & { warnings: Warning[] })[];
  period: CapacityRow | undefined;
}

/** A service's queue in order, with warnings; `purpose` names the read in the audit log (page or export). */
export async function queuePage(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, serviceId: string, actor: AuditActor, purpose: 'page' | 'export'): Promise<QueuePage> {
  return deps.db.tx(ctx, async (sql) => {
    const service = await applications.service(sql, municipalityId, serviceId);
    if (!service) throw new AppError('not_found');
    const entries = await queues.entries(sql, municipalityId, serviceId);
    if (entries.length > 0) {
      await audit(sql, municipalityId, actor, { action: 'application.read', subjectType: 'service_queue', subjectId: serviceId, details: { purpose, ids: entries.map((e) => e.id) } });
    }
    return {
      service: { id: service.id, name: service.name, status: service.status },
      entries: entries.map((e) => ({ ...e, warnings: ageWarnings(service.criteria, e.beneficiary_birth_year) })),
      period: await capacity.current(sql, municipalityId, serviceId),
    };
  });
}

export async function queueSummaries(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string) {
  return deps.db.tx(ctx, (sql) => queues.summaries(sql, municipalityId));
}

/** The services one can apply for (active ones of the catalogue). */
export async function serviceChoices(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string) {
  return deps.db.tx(ctx, (sql) => applications.activeServices(sql, municipalityId));
}

/** "Kto czytał moje dane": every staff read of the person's applications, newest first (reading one's own is not audited). */
export async function whoReadMine(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<ReadRow[]> {
  return deps.db.tx(ctx, (sql) => reads.ofApplicant(sql, municipalityId, userId));
}
