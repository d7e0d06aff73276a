import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { FormState } from '../../platform/ui/context';
import { differingFields, organisationToValues, parseOrganisationForm, type OrganisationInput } from './form';
import { organisations, type OrganisationRow } from './repository';
import { refuse, rightsOf, type Rights, type Who } from './rights';

export interface OrganisationsDeps {
  db: Database;
  publicUrl: string;
}

/** A registry number already held by another organisation of the municipality is a field error, not a crash. */
async function refuseTakenIdentifiers(sql: Sql, municipalityId: string, input: OrganisationInput, exceptId: string | null): Promise<void> {
  await organisations.lockIdentifiers(sql, municipalityId);
  const taken = await organisations.takenIdentifiers(sql, municipalityId, input, exceptId);
  const fields: FieldErrors = {};
  for (const id of ['krs', 'nip', 'regon'] as const) if (taken[id]) fields[id] = { code: `organisation_${id}_taken` };
  if (Object.keys(fields).length) throw validationError(fields);
}

/** An NGO representative (any logged-in person) registers an organisation; it waits for staff to verify it. */
export async function registerOrganisation(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, input: OrganisationInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    await refuseTakenIdentifiers(sql, municipalityId, input, null);
    const id = await organisations.insert(sql, municipalityId, input, actor.userId!);
    await audit(sql, municipalityId, actor, { action: 'organisation.registered', subjectType: 'organisation', subjectId: id, details: { name: input.name, kind: input.kind } });
    return id;
  });
}

export async function organisationForEdit(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string, who: Who): Promise<{ organisation: OrganisationRow; rights: Rights }> {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await organisations.find(sql, municipalityId, id);
    if (!organisation) throw new AppError('not_found');
    const rights = await rightsOf(sql, municipalityId, organisation, who);
    if (!rights.edit) refuse(rights);
    return { organisation, rights };
  });
}

export interface SaveOutcome {
  changed: boolean;
  /** A rejected registration, corrected by its registrant, went back to the verification queue. */
  resubmitted: boolean;
}

/**
 * Saves an edit made on `version`. Someone else's save in between is refused with `conflict.stale`
 * (nothing written); a save that changes nothing writes no new version, unless it resubmits.
 */
export async function updateOrganisation(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipalityId: string,
  id: string,
  input: OrganisationInput,
  version: number,
  who: Who,
  actor: AuditActor,
): Promise<SaveOutcome> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await organisations.lock(sql, municipalityId, id);
    if (!before) throw new AppError('not_found');
    const rights = await rightsOf(sql, municipalityId, before, who);
    if (!rights.edit) refuse(rights);
    assertVersion(before, version);
    await refuseTakenIdentifiers(sql, municipalityId, input, id);
    const changedFields = differingFields(organisationToValues({ ...before, ...input }), organisationToValues(before));
    const resubmit = before.status === 'rejected' && rights.registrant;
    if (changedFields.length === 0 && !resubmit) return { changed: false, resubmitted: false };
    expectUpdated(await organisations.update(sql, municipalityId, id, input, version, resubmit));
    await audit(sql, municipalityId, actor, {
      action: resubmit ? 'organisation.resubmitted' : 'organisation.updated',
      subjectType: 'organisation',
      subjectId: id,
      details: { fields: changedFields, version: version + 1 },
    });
    return { changed: true, resubmitted: resubmit };
  });
}

/**
 * After a conflict: what the person typed next to what is saved now, for every field that differs.
 * What was typed is compared as it would have been saved ("0000 123 456" is the KRS 0000123456).
 */
export function conflictView(typed: FormState['values'], organisation: OrganisationRow) {
  const saved = organisationToValues(organisation);
  let yours = typed;
  try {
    yours = { ...organisationToValues({ ...organisation, ...parseOrganisationForm(typed) }), version: typed.version ?? '' };
  } catch {
    // Only a valid form reaches the version check, so this is the typed text as it came.
  }
  return { saved, yours, differing: differingFields(yours, saved) };
}

export async function myOrganisations(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, userId: string) {
  return deps.db.tx(ctx, (sql) => organisations.ofUser(sql, municipalityId, userId));
}
