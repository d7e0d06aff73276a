import type { AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { ItemKind, Move, PlanRow } from './domain';
import type { HeaderInput } from './form';
import { plans } from './repository';
import { items, type AnyItemValues } from './repository-items';
import { choices } from './repository-records';
import { caseForChange, logChange, planForChange, type CarePlansDeps, type Where } from './service-common';

/**
 * Drafting (the case's coordinator or their supervisor): the plan's validity and the resident's
 * situation, then goals, services, commitments and review dates item by item. Every change names the
 * plan's version and moves it on, so two people editing one draft never overwrite each other.
 */

/** A new draft (revision 1, or the next after a closed plan); refused while the case has a plan in force or a draft. */
export async function createPlan(deps: CarePlansDeps, ctx: DbContext, w: Where, input: HeaderInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    if (await plans.hasLiving(sql, w.municipalityId, w.caseId)) throw new AppError('plan.exists');
    const revision = await plans.nextRevision(sql, w.municipalityId, w.caseId);
    const id = await plans.insert(sql, w.municipalityId, w.caseId, revision, input, w.viewer.userId);
    await logChange(sql, w, actor, 'created', id, { revision, validFrom: input.validFrom, validUntil: input.validUntil });
    return id;
  });
}

/** The days the plan's parts name must stay inside a new validity (field errors name validity's ends). */
async function checkSpan(sql: Sql, w: Where, planId: string, input: HeaderInput): Promise<void> {
  const span = await items.span(sql, w.municipalityId, planId);
  const fields: FieldErrors = {};
  if (span.first && span.first < input.validFrom) fields.valid_from = { code: 'care_plan_validity_excludes_dates' };
  if (span.last && span.last > input.validUntil) fields.valid_until = { code: 'care_plan_validity_excludes_dates' };
  if (Object.keys(fields).length) throw validationError(fields);
}

export async function saveHeader(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, version: number, input: HeaderInput, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    await planForChange(sql, w, planId, version, ['draft']);
    await checkSpan(sql, w, planId, input);
    expectUpdated(await plans.updateHeader(sql, w.municipalityId, planId, version, input));
    await logChange(sql, w, actor, 'updated', planId, { version: version + 1, validFrom: input.validFrom, validUntil: input.validUntil });
  });
}

/**
 * What an item names must be of this municipality (a unit, a verified organisation, a service of the
 * catalogue), and its days inside the plan's validity: a review date after the plan's expiry or before
 * its start is an error on the review's field.
 */
async function checkItem(sql: Sql, w: Where, plan: PlanRow, kind: ItemKind, v: AnyItemValues): Promise<void> {
  const fields: FieldErrors = {};
  const has = (list: { id: string }[], id: string | null) => id === null || list.some((c) => c.id === id);
  if (kind === 'services') {
    if (!has(await choices.services(sql, w.municipalityId, null), v.service_id ?? null)) {
      if (!(await items.namesService(sql, w.municipalityId, plan.id, v.service_id))) fields.service_id = { code: 'invalid' };
    }
    if (!has(await choices.units(sql, w.municipalityId), v.provider_unit_id ?? null)) fields.provider_unit_id = { code: 'invalid' };
    if (!has(await choices.organisations(sql, w.municipalityId), v.provider_organisation_id ?? null)) fields.provider_organisation_id = { code: 'invalid' };
  }
  const day = kind === 'reviews' ? ['review_on', v.review_on] : kind === 'commitments' ? ['due_on', v.due_on] : null;
  if (day && day[1]) {
    const params = { from: plan.valid_from, until: plan.valid_until };
    if (day[1] > plan.valid_until) fields[day[0]!] = { code: kind === 'reviews' ? 'care_plan_review_after_expiry' : 'care_plan_day_after_expiry', params };
    else if (day[1] < plan.valid_from) fields[day[0]!] = { code: kind === 'reviews' ? 'care_plan_review_before_start' : 'care_plan_day_before_start', params };
  }
  if (Object.keys(fields).length) throw validationError(fields);
}

/** Adds an item at the end (itemId null) or saves an edit; returns the item's id. */
export async function saveItem(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, kind: ItemKind, itemId: string | null, version: number, values: AnyItemValues, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    const plan = await planForChange(sql, w, planId, version, ['draft']);
    await checkItem(sql, w, plan, kind, values);
    let id = itemId;
    if (id === null) id = await items.insert(sql, w.municipalityId, planId, kind, values);
    else if (!(await items.update(sql, w.municipalityId, planId, kind, id, values))) throw new AppError('not_found');
    expectUpdated(await plans.bump(sql, w.municipalityId, planId, version));
    await logChange(sql, w, actor, itemId ? 'item_updated' : 'item_added', planId, { kind, item: id, version: version + 1 });
    return id;
  });
}

export async function removeItem(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, kind: ItemKind, itemId: string, version: number, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    await planForChange(sql, w, planId, version, ['draft']);
    if (!(await items.remove(sql, w.municipalityId, planId, kind, itemId))) throw new AppError('not_found');
    expectUpdated(await plans.bump(sql, w.municipalityId, planId, version));
    await logChange(sql, w, actor, 'item_removed', planId, { kind, item: itemId, version: version + 1 });
  });
}

export async function moveItem(deps: CarePlansDeps, ctx: DbContext, w: Where, planId: string, kind: ItemKind, itemId: string, version: number, move: Move, actor: AuditActor): Promise<void> {
  return deps.db.tx(ctx, async (sql) => {
    await caseForChange(sql, w);
    await planForChange(sql, w, planId, version, ['draft']);
    if (!(await items.find(sql, w.municipalityId, planId, kind, itemId))) throw new AppError('not_found');
    if (!(await items.move(sql, w.municipalityId, planId, kind, itemId, move))) return;
    expectUpdated(await plans.bump(sql, w.municipalityId, planId, version));
    await logChange(sql, w, actor, 'item_moved', planId, { kind, item: itemId, move, version: version + 1 });
  });
}
