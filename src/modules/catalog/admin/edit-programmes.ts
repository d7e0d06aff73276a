import type { Database, DbContext, Sql } from '../../../platform/db/types';
import { assertVersion, expectUpdated } from '../../../platform/http/conflict';
import { AppError, validationError } from '../../../platform/http/errors';
import type { Editor } from './edit-services';
import { canonical, diff } from './history';
import { statusMayMove, type ProgrammeInput, type ProgrammeRow } from './programme-form';
import { adminProgrammes } from './repository-admin-programmes';
import { adminServices, choices, history } from './repository-admin';

/** Programmes: reads for the form, saves with optimistic concurrency and history. */

export const PROGRAMME_FIELDS = ['name', 'period_from', 'period_to', 'resolution_number', 'resolution_date', 'status', 'description', 'services'] as const;

const byName = (a: string, b: string) => a.localeCompare(b, 'pl');

async function view(sql: Sql, municipalityId: string, p: Omit<ProgrammeRow, 'id' | 'version' | 'updated_at'>, serviceIds: string[]) {
  const names = [...(await choices.names(sql, 'services', municipalityId, serviceIds)).values()].sort(byName);
  const { name, period_from, period_to, resolution_number, resolution_date, status, description } = p;
  return { name, period_from, period_to, resolution_number, resolution_date, status, description, services: names };
}

async function checkServices(sql: Sql, municipalityId: string, ids: string[]) {
  if ((await choices.names(sql, 'services', municipalityId, ids)).size !== ids.length) throw validationError({ service_ids: { code: 'invalid' } });
}

async function record(sql: Sql, municipalityId: string, id: string, before: Record<string, unknown> | null, editor: Editor) {
  const after = (await adminProgrammes.find(sql, municipalityId, id))!;
  const serviceIds = await adminProgrammes.serviceIds(sql, municipalityId, id);
  const afterView = await view(sql, municipalityId, after, serviceIds);
  await history.append(sql, municipalityId, {
    entityType: 'programme', entityId: id, version: after.version, changedBy: editor,
    snapshot: { id, version: after.version, ...afterView, service_ids: serviceIds },
    changes: diff(before, afterView, PROGRAMME_FIELDS),
  });
}

export async function programmeChoices(db: Database, ctx: DbContext, municipalityId: string) {
  return db.tx(ctx, (sql) => adminServices.options(sql, municipalityId));
}

export async function programmeForEdit(db: Database, ctx: DbContext, municipalityId: string, id: string) {
  return db.tx(ctx, async (sql) => {
    const programme = await adminProgrammes.find(sql, municipalityId, id);
    if (!programme) throw new AppError('not_found');
    return { programme, serviceIds: await adminProgrammes.serviceIds(sql, municipalityId, id), services: await adminServices.options(sql, municipalityId) };
  });
}

export async function createProgramme(db: Database, ctx: DbContext, municipalityId: string, input: ProgrammeInput, editor: Editor): Promise<string> {
  return db.tx(ctx, async (sql) => {
    await checkServices(sql, municipalityId, input.service_ids);
    const id = await adminProgrammes.insert(sql, municipalityId, input);
    await adminProgrammes.setServices(sql, municipalityId, id, input.service_ids);
    await record(sql, municipalityId, id, null, editor);
    return id;
  });
}

export async function updateProgramme(db: Database, ctx: DbContext, municipalityId: string, id: string, input: ProgrammeInput, version: number, editor: Editor) {
  return db.tx(ctx, async (sql) => {
    const before = await adminProgrammes.find(sql, municipalityId, id, true);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    if (!statusMayMove(before.status, input.status)) throw validationError({ status: { code: 'status_backwards' } });
    await checkServices(sql, municipalityId, input.service_ids);
    const beforeIds = await adminProgrammes.serviceIds(sql, municipalityId, id);
    const beforeView = await view(sql, municipalityId, before, beforeIds);
    const sameServices = canonical([...beforeIds].sort()) === canonical([...input.service_ids].sort());
    if (sameServices && canonical(beforeView) === canonical(await view(sql, municipalityId, input, input.service_ids))) return { changed: false };
    expectUpdated(await adminProgrammes.update(sql, municipalityId, id, input, version));
    await adminProgrammes.setServices(sql, municipalityId, id, input.service_ids);
    await record(sql, municipalityId, id, beforeView, editor);
    return { changed: true };
  });
}
