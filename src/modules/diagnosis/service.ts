import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import { readIndicatorsCsv, type CsvProblem } from './csv';
import { gapsOf, nextStatus, type DiagnosisRow } from './domain';
import type { DiagnosisInput, NeedInput, ResourceInput } from './form';
import { choices, diagnoses, indicators, needs, resources } from './repository';

export interface DiagnosisDeps {
  db: Database;
}

/** Staff see every diagnosis; everyone else only the adopted ones (a draft is a "not found" to them). */
async function mustFind(sql: Sql, m: string, id: string, staff: boolean, lock = false): Promise<DiagnosisRow> {
  const d = await diagnoses.find(sql, m, id, lock);
  if (!d || (!staff && d.status !== 'adopted')) throw new AppError('not_found');
  return d;
}

/** A change of what the diagnosis holds (data, needs, resources): staff, and not once it is adopted. */
async function mustBeOpen(sql: Sql, m: string, id: string, lock = false): Promise<DiagnosisRow> {
  const d = await mustFind(sql, m, id, true, lock);
  if (d.status === 'adopted') throw new AppError('diagnosis.adopted');
  return d;
}

export const listDiagnoses = (deps: DiagnosisDeps, ctx: DbContext, m: string, staff: boolean) => deps.db.tx(ctx, (sql) => diagnoses.list(sql, m, !staff), { readOnly: true });

/** A diagnosis' page: its facts, the imported values, the needs (with the resources answering them), the resources and the gaps. */
export async function diagnosisView(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, staff: boolean) {
  return deps.db.tx(ctx, async (sql) => {
    const diagnosis = await mustFind(sql, m, id, staff);
    const [values, needList, resourceList] = [await indicators.of(sql, m, id), await needs.of(sql, m, id), await resources.of(sql, m, id)];
    return { diagnosis, indicators: values, needs: needList, resources: resourceList, gaps: gapsOf(needList) };
  }, { readOnly: true });
}

export const findForEdit = (deps: DiagnosisDeps, ctx: DbContext, m: string, id: string) => deps.db.tx(ctx, (sql) => mustFind(sql, m, id, true), { readOnly: true });

export async function createDiagnosis(deps: DiagnosisDeps, ctx: DbContext, m: string, input: DiagnosisInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const id = await diagnoses.insert(sql, m, input);
    await audit(sql, m, actor, { action: 'diagnosis.created', subjectType: 'diagnosis', subjectId: id });
    return id;
  });
}

/** An edit of the version the editor saw (stale → conflict.stale, 409, with what they typed kept by the page). */
export async function updateDiagnosis(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, input: DiagnosisInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id);
    expectUpdated(await diagnoses.update(sql, m, id, input, version));
    await audit(sql, m, actor, { action: 'diagnosis.updated', subjectType: 'diagnosis', subjectId: id });
  });
}

/** One step on: draft → in progress → adopted (the adopted one is public and final). */
export async function advanceDiagnosis(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const d = await mustFind(sql, m, id, true, true);
    if (d.version !== version) throw new AppError('conflict.stale');
    const next = nextStatus(d.status);
    if (!next) throw new AppError('diagnosis.status');
    expectUpdated(await diagnoses.setStatus(sql, m, id, next, version, warsawDay()));
    await audit(sql, m, actor, { action: next === 'adopted' ? 'diagnosis.adopted' : 'diagnosis.started', subjectType: 'diagnosis', subjectId: id });
  });
}

export type ImportOutcome = { ok: true; rows: number } | { ok: false; problems: CsvProblem[] };

/** A CSV of public statistics: every row checked first; then the dataset and all its values in one transaction, or nothing. */
export async function importIndicators(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, form: { title: string; source: string; source_date: string; csv: string }, actor: AuditActor): Promise<ImportOutcome> {
  const read = readIndicatorsCsv(form.csv, { source: form.source, source_date: form.source_date });
  if (!read.ok) return read;
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id);
    const dataset = await indicators.importDataset(sql, m, id, form.title, read.rows);
    await audit(sql, m, actor, { action: 'diagnosis.data_imported', subjectType: 'diagnosis', subjectId: id, details: { dataset, rows: read.rows.length } });
  });
  return { ok: true, rows: read.rows.length };
}

/** What the need and resource forms offer: the diagnosis' values and needs, surveys, verified organisations, active services. */
export async function formChoices(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string) {
  return deps.db.tx(ctx, async (sql) => {
    const diagnosis = await mustBeOpen(sql, m, id);
    return {
      diagnosis,
      indicators: await indicators.of(sql, m, id),
      needs: await needs.of(sql, m, id),
      surveys: await choices.surveys(sql, m),
      organisations: await choices.organisations(sql, m),
      services: await choices.services(sql, m),
    };
  }, { readOnly: true });
}

/** A need's values and survey must be this diagnosis' and this municipality's. */
async function checkNeed(sql: Sql, m: string, id: string, input: NeedInput): Promise<void> {
  if ((await indicators.existing(sql, m, id, input.indicator_ids)).length !== input.indicator_ids.length) throw validationError({ indicator_ids: { code: 'invalid' } });
  if (input.survey_id && !(await choices.surveys(sql, m)).some((s) => s.id === input.survey_id)) throw validationError({ survey_id: { code: 'invalid' } });
}

export async function addNeed(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, input: NeedInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    await checkNeed(sql, m, id, input);
    const need = await needs.insert(sql, m, id, input);
    await audit(sql, m, actor, { action: 'diagnosis.need_added', subjectType: 'diagnosis', subjectId: id, details: { need } });
    return need;
  });
}

/** A resource: an organisation of the registry, a service of the catalogue, or named by hand; the needs of this diagnosis it answers. */
export async function addResource(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, input: ResourceInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    const resource = await resources.insert(sql, m, id, { ...input, name: await resourceName(sql, m, id, input) });
    await audit(sql, m, actor, { action: 'diagnosis.resource_added', subjectType: 'diagnosis', subjectId: id, details: { resource } });
    return resource;
  });
}

/** A resource's organisation, service and needs must be this municipality's and this diagnosis'; its name, typed or theirs. */
async function resourceName(sql: Sql, m: string, id: string, input: ResourceInput): Promise<string> {
  const organisation = input.organisation_id ? (await choices.organisations(sql, m)).find((o) => o.id === input.organisation_id) : undefined;
  const service = input.service_id ? (await choices.services(sql, m)).find((s) => s.id === input.service_id) : undefined;
  if (input.organisation_id && !organisation) throw validationError({ organisation_id: { code: 'invalid' } });
  if (input.service_id && !service) throw validationError({ service_id: { code: 'invalid' } });
  const name = input.name || service?.name || organisation?.name || '';
  if (name.length < 2) throw validationError({ name: { code: 'diagnosis_resource_name' } });
  if ((await needs.existing(sql, m, id, input.need_ids)).length !== input.need_ids.length) throw validationError({ need_ids: { code: 'invalid' } });
  return name;
}

/** A need or resource of this diagnosis, for its edit or removal page (staff; not_found for another diagnosis' id). */
export async function findNeed(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, needId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const diagnosis = await mustBeOpen(sql, m, id);
    const need = await needs.find(sql, m, id, needId);
    if (!need) throw new AppError('not_found');
    return { diagnosis, need };
  }, { readOnly: true });
}

export async function findResource(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, resourceId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const diagnosis = await mustBeOpen(sql, m, id);
    const resource = await resources.find(sql, m, id, resourceId);
    if (!resource) throw new AppError('not_found');
    return { diagnosis, resource };
  }, { readOnly: true });
}

/** A change of a need, checked against the version the editor saw (409 when someone saved first). */
export async function editNeed(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, needId: string, input: NeedInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    if (!(await needs.find(sql, m, id, needId))) throw new AppError('not_found');
    await checkNeed(sql, m, id, input);
    expectUpdated(await needs.update(sql, m, needId, input, version));
    await audit(sql, m, actor, { action: 'diagnosis.need_changed', subjectType: 'diagnosis', subjectId: id, details: { need: needId } });
  });
}

/** A need removed (after its confirmation page): the resources that answered it stay, without the link. */
export async function removeNeed(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, needId: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    if (!(await needs.find(sql, m, id, needId))) throw new AppError('not_found');
    await needs.remove(sql, m, needId);
    await audit(sql, m, actor, { action: 'diagnosis.need_removed', subjectType: 'diagnosis', subjectId: id, details: { need: needId } });
  });
}

export async function editResource(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, resourceId: string, input: ResourceInput, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    if (!(await resources.find(sql, m, id, resourceId))) throw new AppError('not_found');
    const name = await resourceName(sql, m, id, input);
    expectUpdated(await resources.update(sql, m, resourceId, { ...input, name }, version));
    await audit(sql, m, actor, { action: 'diagnosis.resource_changed', subjectType: 'diagnosis', subjectId: id, details: { resource: resourceId } });
  });
}

export async function removeResource(deps: DiagnosisDeps, ctx: DbContext, m: string, id: string, resourceId: string, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    await mustBeOpen(sql, m, id, true);
    if (!(await resources.find(sql, m, id, resourceId))) throw new AppError('not_found');
    await resources.remove(sql, m, resourceId);
    await audit(sql, m, actor, { action: 'diagnosis.resource_removed', subjectType: 'diagnosis', subjectId: id, details: { resource: resourceId } });
  });
}
