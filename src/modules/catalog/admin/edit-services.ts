import type { Database, DbContext, Sql } from '../../../platform/db/types';
import { assertVersion, expectUpdated } from '../../../platform/http/conflict';
import { AppError, validationError } from '../../../platform/http/errors';
import { catalog, type ServiceRow } from '../repository';
import { canonical, diff } from './history';
import { adminServices, choices, history, type Choice } from './repository-admin';
import type { ServiceInput } from './service-form';

/** Who saves: recorded in the history next to each version. */
export interface Editor {
  id: string | null;
  label: string;
}

/** The fields the history compares, in the order the form shows them; `provider` and `locations` by name. */
export const SERVICE_FIELDS = [
  'name', 'summary', 'description', 'area', 'target_groups', 'situations', 'how_to_apply', 'required_documents', 'fee_kind', 'fee_amount', 'fee_rule',
  'capacity', 'capacity_period', 'eligibility', 'criteria', 'status', 'languages', 'contact_email', 'contact_phone', 'provider', 'locations',
] as const;

type View = Record<(typeof SERVICE_FIELDS)[number], unknown>;

function view(s: Omit<ServiceInput, 'provider_id' | 'location_ids'>, provider: string, locations: string[]): View {
  const v: Partial<View> = {};
  for (const f of SERVICE_FIELDS) if (f !== 'provider' && f !== 'locations') v[f] = s[f];
  return { ...(v as View), provider, locations: [...locations].sort((a, b) => a.localeCompare(b, 'pl')) };
}

export interface ServiceChoices {
  providers: Choice[];
  locations: Choice[];
}

async function choicesOf(sql: Sql, municipalityId: string): Promise<ServiceChoices> {
  return { providers: await choices.providers(sql, municipalityId), locations: await choices.locations(sql, municipalityId) };
}

export function serviceChoices(db: Database, ctx: DbContext, municipalityId: string): Promise<ServiceChoices> {
  return db.tx(ctx, (sql) => choicesOf(sql, municipalityId));
}

export async function serviceForEdit(db: Database, ctx: DbContext, municipalityId: string, id: string) {
  return db.tx(ctx, async (sql) => {
    const service = await catalog.service(sql, municipalityId, id);
    if (!service) throw new AppError('not_found');
    return { service, locationIds: await adminServices.locationIds(sql, municipalityId, id), ...(await choicesOf(sql, municipalityId)) };
  });
}

/** The provider and locations chosen must be this municipality's (RLS hides others, so they read as missing). */
async function namesOf(sql: Sql, municipalityId: string, input: ServiceInput) {
  const provider = (await choices.names(sql, 'providers', municipalityId, [input.provider_id])).get(input.provider_id);
  const locations = await choices.names(sql, 'locations', municipalityId, input.location_ids);
  if (!provider) throw validationError({ provider_id: { code: 'invalid' } });
  if (locations.size !== input.location_ids.length) throw validationError({ location_ids: { code: 'invalid' } });
  return { provider, locations: [...locations.values()] };
}

async function record(sql: Sql, municipalityId: string, id: string, before: View | null, editor: Editor): Promise<void> {
  const after = (await catalog.service(sql, municipalityId, id))!;
  const locationIds = await adminServices.locationIds(sql, municipalityId, id);
  const names = await choices.names(sql, 'locations', municipalityId, locationIds);
  const provider = (await choices.names(sql, 'providers', municipalityId, [after.provider_id])).get(after.provider_id) ?? '';
  const afterView = view(after, provider, [...names.values()]);
  await history.append(sql, municipalityId, {
    entityType: 'service',
    entityId: id,
    version: after.version,
    changedBy: editor,
    snapshot: { id, version: after.version, ...afterView, provider_id: after.provider_id, location_ids: locationIds, updated_at: after.updated_at },
    changes: diff(before, afterView, SERVICE_FIELDS),
  });
}

export async function createService(db: Database, ctx: DbContext, municipalityId: string, input: ServiceInput, editor: Editor): Promise<string> {
  return db.tx(ctx, async (sql) => {
    await namesOf(sql, municipalityId, input);
    const id = await adminServices.insert(sql, municipalityId, input);
    await adminServices.setLocations(sql, municipalityId, id, input.location_ids);
    await record(sql, municipalityId, id, null, editor);
    return id;
  });
}

/**
 * Saves an edit made on the version `version`. Someone else's save in between is refused with
 * `conflict.stale` (nothing written); a save that changes nothing writes no new version.
 */
export async function updateService(
  db: Database,
  ctx: DbContext,
  municipalityId: string,
  id: string,
  input: ServiceInput,
  version: number,
  editor: Editor,
): Promise<{ changed: boolean }> {
  return db.tx(ctx, async (sql) => {
    const before: ServiceRow | undefined = await adminServices.lock(sql, municipalityId, id);
    if (!before) throw new AppError('not_found');
    assertVersion(before, version);
    const chosen = await namesOf(sql, municipalityId, input);
    const beforeIds = await adminServices.locationIds(sql, municipalityId, id);
    const beforeNames = await choices.names(sql, 'locations', municipalityId, beforeIds);
    const beforeProvider = (await choices.names(sql, 'providers', municipalityId, [before.provider_id])).get(before.provider_id) ?? '';
    const beforeView = view(before, beforeProvider, [...beforeNames.values()]);
    const sameLocations = canonical([...beforeIds].sort()) === canonical([...input.location_ids].sort());
    if (sameLocations && before.provider_id === input.provider_id && canonical(beforeView) === canonical(view(input, chosen.provider, chosen.locations))) {
      return { changed: false };
    }
    expectUpdated(await adminServices.update(sql, municipalityId, id, input, version));
    await adminServices.setLocations(sql, municipalityId, id, input.location_ids);
    await record(sql, municipalityId, id, beforeView, editor);
    return { changed: true };
  });
}
