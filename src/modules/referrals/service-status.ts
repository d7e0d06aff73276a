import { requireCaseAccess, requireCaseWrite, type CaseViewer } from '../cases';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { TRANSITIONS, type Action, type ProviderRef, type Status } from './domain';
import { mailCoordinator } from './mail';
import { requireProvider } from './provider';
import { events } from './repository-records';
import { referrals, sharingStands, type ReferralRow } from './repository';
import type { ReferralsDeps } from './service-send';

/** Who acts on a referral: the centre from the case (need-to-know), or the provider from its inbox. */
export type Scope = { kind: 'case'; caseId: string } | { kind: 'provider'; provider: ProviderRef };

/**
 * The referral, locked for a change, if the scope may reach it; 404 otherwise. The centre's change
 * (`lock`) goes through cases' one write rule: the case row locked, write access, the case open.
 */
export async function referralInScope(sql: Sql, m: MunicipalityRow, viewer: CaseViewer, scope: Scope, id: string, lock = false): Promise<ReferralRow> {
  if (scope.kind === 'case') await (lock ? requireCaseWrite(sql, m.id, viewer, scope.caseId) : requireCaseAccess(sql, m.id, viewer, scope.caseId));
  else await requireProvider(sql, m.id, scope.provider, viewer);
  const r = await referrals.find(sql, m.id, id, lock);
  const inScope = r && (scope.kind === 'case' ? r.case_id === scope.caseId : (scope.provider.kind === 'unit' ? r.unit_id : r.organisation_id) === scope.provider.id);
  if (!inScope) throw new AppError('not_found');
  return r;
}

/**
 * The one rule for every write a provider makes on a referral — accept, reject, start, complete with
 * its outcome, a delivery: the referral of its inbox, locked, and the sharing it rests on still
 * standing. Once the resident withdraws the consent relied on, the provider writes nothing more about
 * them (`referral.consent_withdrawn`); the centre cancels the referral.
 */
export async function referralForProviderWrite(sql: Sql, m: MunicipalityRow, viewer: CaseViewer, provider: ProviderRef, id: string): Promise<ReferralRow> {
  const r = await referralInScope(sql, m, viewer, { kind: 'provider', provider }, id, true);
  if (!sharingStands(r)) throw new AppError('referral.consent_withdrawn');
  return r;
}

/** Moves a referral of a status, kept in its history and in the audit log. */
export async function moveStatus(sql: Sql, m: MunicipalityRow, r: ReferralRow, to: Status, text: string, actor: AuditActor): Promise<void> {
  const change = to === 'completed' ? { status: to, outcome: text } : { status: to, reason: text };
  expectUpdated(await referrals.setStatus(sql, m.id, r.id, r.version, change));
  await events.add(sql, m.id, r.id, { from: r.status, to, reason: text }, actor.userId);
  await audit(sql, m.id, actor, { action: `referral.${to}`, subjectType: 'referral', subjectId: r.id, details: { cases: [r.case_id], ids: [r.id], from: r.status } });
}

/**
 * One change of status on the version the page was shown with: someone else's change in between is
 * `conflict.stale`; a change the present status does not allow is `referral.invalid_transition`.
 * The provider accepts, rejects (reason), starts and completes (outcome); the centre cancels
 * (reason). The coordinator is mailed of acceptance, rejection and completion.
 */
export async function changeStatus(
  deps: ReferralsDeps,
  ctx: DbContext,
  m: MunicipalityRow,
  viewer: CaseViewer,
  scope: Scope,
  id: string,
  action: Action,
  /** `confirmed`: given by an action behind a confirmation page; refused (`confirmation.required`) only after access, version and state are checked. */
  input: { version: number; text: string; confirmed?: boolean },
  actor: AuditActor,
): Promise<ReferralRow> {
  if ((action === 'cancel') !== (scope.kind === 'case')) throw new AppError('not_found');
  return deps.db.tx(ctx, async (sql) => {
    const r = scope.kind === 'provider' ? await referralForProviderWrite(sql, m, viewer, scope.provider, id) : await referralInScope(sql, m, viewer, scope, id, true);
    assertVersion(r, input.version);
    const t = TRANSITIONS[action];
    if (!t.from.includes(r.status)) throw new AppError('referral.invalid_transition');
    if (input.confirmed === false) throw new AppError('confirmation.required');
    await moveStatus(sql, m, r, t.to, input.text, actor);
    if (t.to === 'accepted' || t.to === 'rejected' || t.to === 'completed') await mailCoordinator(sql, deps.publicUrl, m, r, t.to);
    return r;
  });
}
