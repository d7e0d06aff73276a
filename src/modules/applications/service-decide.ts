import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { DECISION_STATUS, isInQueue, type ApplicationRow, type DecisionKind } from './domain';
import { mailStatusChange } from './mail';
import { applications } from './repository';
import { queues } from './repository-queue';
import { capacity, consents, events } from './repository-records';
import type { ApplicationsDeps } from './service-apply';

export interface Decision {
  kind: DecisionKind;
  version: number;
  reason: string;
  /** forward: the unit, and whether staff record the resident's consent to it now. */
  unitId?: string;
  consent?: boolean;
}

/**
 * Opens an application for a change of its queue: locks the service's queue, then the row, and
 * checks the version the page was shown with (someone else's change in between is `conflict.stale`).
 */
async function forChange(sql: Sql, municipalityId: string, id: string, version: number): Promise<ApplicationRow> {
  const first = await applications.find(sql, municipalityId, id);
  if (!first) throw new AppError('not_found');
  await queues.lock(sql, municipalityId, first.service_id);
  const a = (await applications.find(sql, municipalityId, id, true))!;
  assertVersion(a, version);
  if (!isInQueue(a.status)) throw new AppError('application.closed');
  return a;
}

/**
 * Accepting is checked against the queue (anyone still in it who was there first or stands ahead, held
 * or not) and the current period's places; either needs a reason.
 */
async function checkAccept(sql: Sql, municipalityId: string, a: ApplicationRow, reason: string): Promise<Record<string, unknown>> {
  const jumped = await queues.openAhead(sql, municipalityId, a.service_id, a.id, a.queue_position!, a.submitted_at);
  const period = await capacity.current(sql, municipalityId, a.service_id);
  const full = period !== undefined && period.accepted >= period.places;
  if (!reason && jumped) throw validationError({ reason: { code: 'application_jump_reason_required' } });
  if (!reason && full) throw validationError({ reason: { code: 'application_over_capacity', params: { places: period!.places } } });
  return { jumped, overCapacity: full, ...(period ? { places: period.places, accepted: period.accepted } : {}) };
}

/**
 * Staff decide: accept, decline (reason), put on hold (reason; the place is kept), resume, or forward
 * to another unit (reason, only with the resident's consent to it recorded). Leaving the queue moves
 * those behind up. The applicant is mailed; the decision is audited.
 */
export async function decide(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, d: Decision, actor: AuditActor): Promise<ApplicationRow> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await forChange(sql, municipality.id, id, d.version);
    const to = DECISION_STATUS[d.kind];
    if (d.kind === 'resume' ? a.status !== 'on_hold' : d.kind === 'hold' ? a.status !== 'waiting' : false) throw new AppError('application.closed');
    const details = d.kind === 'accept' ? await checkAccept(sql, municipality.id, a, d.reason) : {};
    let unit: { id: string; name: string } | undefined;
    if (d.kind === 'forward') {
      unit = await applications.unit(sql, municipality.id, d.unitId!);
      const fields = { ...(!unit ? { unit_id: { code: 'invalid' } } : {}), ...(!d.consent ? { consent: { code: 'application_forward_consent_required' } } : {}) };
      if (Object.keys(fields).length) throw validationError(fields);
      await consents.give(sql, municipality.id, id, 'forwarding', unit!.name, actor.userId);
    }
    const stays = isInQueue(to);
    await applications.setStatus(sql, municipality.id, id, d.version, { status: to, reason: d.reason, forwardedTo: unit?.id ?? null, position: stays ? a.queue_position : null });
    if (!stays) await queues.closeGap(sql, municipality.id, a.service_id, a.queue_position!);
    await events.add(sql, municipality.id, id, { kind: 'status', status_from: a.status, status_to: to, position_from: a.queue_position, position_to: stays ? a.queue_position : null, reason: d.reason }, actor.userId);
    await audit(sql, municipality.id, actor, { action: `application.${to}`, subjectType: 'application', subjectId: id, details: { service: a.service_id, ...details, ...(unit ? { unit: unit.id } : {}) } });
    await mailStatusChange(sql, deps.publicUrl, municipality, a, { status: to, reason: d.reason, position: stays ? a.queue_position : null, unit: unit?.name });
    return a;
  });
}

/**
 * Staff decline several applications of one queue with one reason (duplicates, invented beneficiaries).
 * All or none: one changed meanwhile is `conflict.stale`, one no longer in the queue `application.closed`.
 * Each is declined, kept in its history, audited and mailed as a single decline would be.
 */
export async function declineBatch(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, serviceId: string, items: { id: string; version: number }[], reason: string, actor: AuditActor): Promise<number> {
  return deps.db.tx(ctx, async (sql) => {
    await queues.lock(sql, municipality.id, serviceId);
    const rows: ApplicationRow[] = [];
    for (const item of items) {
      const a = await applications.find(sql, municipality.id, item.id, true);
      if (!a || a.service_id !== serviceId) throw new AppError('not_found');
      assertVersion(a, item.version);
      if (!isInQueue(a.status)) throw new AppError('application.closed');
      rows.push(a);
    }
    // From the back of the queue: closing a gap moves only the places behind it, so those still to go keep theirs.
    rows.sort((x, y) => y.queue_position! - x.queue_position!);
    for (const a of rows) {
      await applications.setStatus(sql, municipality.id, a.id, a.version, { status: 'declined', reason, forwardedTo: null, position: null });
      await queues.closeGap(sql, municipality.id, serviceId, a.queue_position!);
      await events.add(sql, municipality.id, a.id, { kind: 'status', status_from: a.status, status_to: 'declined', position_from: a.queue_position, position_to: null, reason }, actor.userId);
      await audit(sql, municipality.id, actor, { action: 'application.declined', subjectType: 'application', subjectId: a.id, details: { service: serviceId, batch: rows.length } });
      await mailStatusChange(sql, deps.publicUrl, municipality, a, { status: 'declined', reason, position: null });
    }
    return rows.length;
  });
}

/** Moves an application to place `position` of its queue (1 = the front), with a reason; audited and kept in its history. */
export async function move(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, version: number, position: number, reason: string, actor: AuditActor): Promise<number> {
  return deps.db.tx(ctx, async (sql) => {
    const a = await forChange(sql, municipality.id, id, version);
    const to = Math.min(position, await queues.last(sql, municipality.id, a.service_id));
    const from = a.queue_position!;
    if (to === from) return to;
    await queues.move(sql, municipality.id, a.service_id, id, from, to);
    await events.add(sql, municipality.id, id, { kind: 'moved', status_from: a.status, status_to: a.status, position_from: from, position_to: to, reason }, actor.userId);
    await audit(sql, municipality.id, actor, { action: 'application.moved', subjectType: 'application', subjectId: id, details: { service: a.service_id, from, to } });
    return to;
  });
}
