import type { Database, DbContext, Sql } from '../../../platform/db/types';
import { assertVersion, expectUpdated } from '../../../platform/http/conflict';
import { AppError, validationError } from '../../../platform/http/errors';
import { catalog, type LocationRow } from '../repository';
import type { Editor } from './edit-services';
import { canonical, diff } from './history';
import type { ExceptionInput, LocationInput, ProviderInput } from './place-forms';
import { adminLocations, adminProviders, exceptions, hours, type ExceptionRow } from './repository-admin-places';
import { choices, history } from './repository-admin';

/** Providers and locations (with weekly hours and dated exceptions): reads for the forms, saves with history. */

export const PROVIDER_FIELDS = ['name', 'kind', 'description', 'email', 'phone', 'website'] as const;
export const LOCATION_FIELDS = [
  'provider', 'name', 'street', 'postal_code', 'city', 'latitude', 'longitude', 'step_free', 'accessible_toilet', 'induction_loop',
  'sign_language_on_request', 'accessibility_notes', 'hours', 'exceptions',
] as const;

const pick = (row: object, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, (row as Record<string, unknown>)[f] ?? null]));

export async function providerForEdit(db: Database, ctx: DbContext, municipalityId: string, id: string) {
  return db.tx(ctx, async (sql) => {
    const provider = await catalog.provider(sql, municipalityId, id);
    if (!provider) throw new AppError('not_found');
    return provider;
  });
}

export async function createProvider(db: Database, ctx: DbContext, municipalityId: string, input: ProviderInput, editor: Editor): Promise<string> {
  return db.tx(ctx, async (sql) => {
    const id = await adminProviders.insert(sql, municipalityId, input);
    const after = (await adminProviders.lock(sql, municipalityId, id))!;
    const view = pick(after, PROVIDER_FIELDS);
    await history.append(sql, municipalityId, { entityType: 'provider', entityId: id, version: after.version, changedBy: editor, snapshot: { id, version: after.version, ...view }, changes: diff(null, view, PROVIDER_FIELDS) });
    return id;
  });
}

/** Saves an edit made on `version`; someone else's save in between is `conflict.stale`, nothing written. */
export async function updateProvider(db: Database, ctx: DbContext, municipalityId: string, id: string, input: ProviderInput, version: number, editor: Editor) {
  return db.tx(ctx, async (sql) => {
    const before = await adminProviders.lock(sql, municipalityId, id);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    const beforeView = pick(before, PROVIDER_FIELDS);
    if (canonical(beforeView) === canonical(pick(input, PROVIDER_FIELDS))) return { changed: false };
    expectUpdated(await adminProviders.update(sql, municipalityId, id, input, version));
    const after = (await adminProviders.lock(sql, municipalityId, id))!;
    const view = pick(after, PROVIDER_FIELDS);
    await history.append(sql, municipalityId, { entityType: 'provider', entityId: id, version: after.version, changedBy: editor, snapshot: { id, version: after.version, ...view }, changes: diff(beforeView, view, PROVIDER_FIELDS) });
    return { changed: true };
  });
}

const exceptionView = (list: ExceptionRow[]) => list.map(({ day, closed, opens, closes, note }) => ({ day, closed, opens, closes, note }));

/** A location as the history records it: its columns, its provider by name, its hours and exceptions. */
async function locationView(sql: Sql, municipalityId: string, l: LocationRow) {
  const provider = (await choices.names(sql, 'providers', municipalityId, [l.provider_id])).get(l.provider_id) ?? '';
  const week = (await hours.of(sql, municipalityId, l.id)).map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));
  const days = exceptionView(await exceptions.of(sql, municipalityId, l.id));
  return { ...pick(l, LOCATION_FIELDS), provider, hours: week, exceptions: days };
}

async function recordLocation(sql: Sql, municipalityId: string, id: string, before: Record<string, unknown> | null, editor: Editor) {
  const after = (await adminLocations.find(sql, municipalityId, id))!;
  const view = await locationView(sql, municipalityId, after);
  await history.append(sql, municipalityId, {
    entityType: 'location', entityId: id, version: after.version, changedBy: editor,
    snapshot: { id, version: after.version, provider_id: after.provider_id, ...view },
    changes: diff(before, view, LOCATION_FIELDS),
  });
}

export async function locationForEdit(db: Database, ctx: DbContext, municipalityId: string, id: string) {
  return db.tx(ctx, async (sql) => {
    const location = await adminLocations.find(sql, municipalityId, id);
    if (!location) throw new AppError('not_found');
    return {
      location,
      hours: await hours.of(sql, municipalityId, id),
      exceptions: await exceptions.of(sql, municipalityId, id),
      providers: await choices.providers(sql, municipalityId),
    };
  });
}

async function checkProvider(sql: Sql, municipalityId: string, providerId: string) {
  if (!(await choices.names(sql, 'providers', municipalityId, [providerId])).has(providerId)) throw validationError({ provider_id: { code: 'invalid' } });
}

export async function createLocation(db: Database, ctx: DbContext, municipalityId: string, input: LocationInput, editor: Editor): Promise<string> {
  return db.tx(ctx, async (sql) => {
    await checkProvider(sql, municipalityId, input.provider_id);
    const id = await adminLocations.insert(sql, municipalityId, input);
    await hours.replace(sql, municipalityId, id, input.hours);
    await recordLocation(sql, municipalityId, id, null, editor);
    return id;
  });
}

export async function updateLocation(db: Database, ctx: DbContext, municipalityId: string, id: string, input: LocationInput, version: number, editor: Editor) {
  return db.tx(ctx, async (sql) => {
    const before = await adminLocations.find(sql, municipalityId, id, true);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    await checkProvider(sql, municipalityId, input.provider_id);
    const beforeView = await locationView(sql, municipalityId, before);
    const same = (f: string) => canonical(beforeView[f as keyof typeof beforeView] ?? null) === canonical((input as Record<string, unknown>)[f] ?? null);
    const columns = LOCATION_FIELDS.filter((f) => f !== 'provider' && f !== 'exceptions');
    if (before.provider_id === input.provider_id && columns.every(same)) return { changed: false };
    expectUpdated(await adminLocations.update(sql, municipalityId, id, input, version));
    await hours.replace(sql, municipalityId, id, input.hours);
    await recordLocation(sql, municipalityId, id, beforeView, editor);
    return { changed: true };
  });
}

/** Sets a dated exception (a holiday, changed hours); the location gets a new version in the history. */
export async function setException(db: Database, ctx: DbContext, municipalityId: string, locationId: string, input: ExceptionInput, editor: Editor) {
  await db.tx(ctx, async (sql) => {
    const before = await adminLocations.find(sql, municipalityId, locationId, true);
    if (!before) throw new AppError('not_found');
    const beforeView = await locationView(sql, municipalityId, before);
    await exceptions.upsert(sql, municipalityId, locationId, input);
    await adminLocations.bump(sql, municipalityId, locationId);
    await recordLocation(sql, municipalityId, locationId, beforeView, editor);
  });
}

export async function removeException(db: Database, ctx: DbContext, municipalityId: string, locationId: string, exceptionId: string, editor: Editor) {
  await db.tx(ctx, async (sql) => {
    const before = await adminLocations.find(sql, municipalityId, locationId, true);
    if (!before) throw new AppError('not_found');
    const beforeView = await locationView(sql, municipalityId, before);
    if (!(await exceptions.remove(sql, municipalityId, locationId, exceptionId))) throw new AppError('not_found');
    await adminLocations.bump(sql, municipalityId, locationId);
    await recordLocation(sql, municipalityId, locationId, beforeView, editor);
  });
}
