import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError, type ErrorCode } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { mailConsentWithdrawn } from './mail';
import { consentRecords, type RelyingReferral } from './repository-consents';
import { subject, type SubjectConsent } from './repository-subject';
import type { MyDataDeps } from './routes-common';

/**
 * Why a consent cannot be withdrawn now, or null. Processing by the centre is what handling an
 * application rests on: while the application waits in a queue or belongs to an open case, the
 * resident withdraws the application (or talks to the coordinator) instead. Sharing with a provider
 * and forwarding may be withdrawn at any time.
 */
export function withdrawalBlock(c: SubjectConsent): ErrorCode | null {
  if (c.withdrawn_at) return 'consent.withdrawn';
  if (c.purpose !== 'cus_processing') return null;
  if (c.in_queue) return 'consent.needed_in_queue';
  if (c.in_open_case) return 'consent.needed_in_case';
  return null;
}

export async function myConsents(deps: MyDataDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<SubjectConsent[]> {
  return deps.db.tx(ctx, (sql) => subject.consents(sql, municipalityId, userId));
}

export interface ConsentToWithdraw {
  consent: SubjectConsent;
  block: ErrorCode | null;
  /** Open referrals made on it: their coordinators will be told. */
  referrals: RelyingReferral[];
}

/** The confirmation page: the consent, whether it may be withdrawn now, and what follows. Someone else's is not found. */
export async function consentToWithdraw(deps: MyDataDeps, ctx: DbContext, municipalityId: string, userId: string, id: string): Promise<ConsentToWithdraw> {
  return deps.db.tx(ctx, async (sql) => {
    const [consent] = await subject.consents(sql, municipalityId, userId, id);
    if (!consent) throw new AppError('not_found');
    const referrals = consent.purpose === 'provider_sharing' && !consent.withdrawn_at ? await consentRecords.relyingReferrals(sql, municipalityId, id) : [];
    return { consent, block: withdrawalBlock(consent), referrals };
  });
}

/**
 * Withdraws the consent (once: a second time is `consent.withdrawn`, not an error of ours), tells
 * the coordinators of open referrals relying on it, and audits `consent.withdrawn`. Unless `confirmed`
 * (the confirmation page's field), nothing is done: `confirmation.required` — after the reasons it may
 * not be withdrawn at all, so a refused POST never asks to confirm what cannot be done.
 */
export async function withdrawConsent(deps: MyDataDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, actor: AuditActor, confirmed: boolean): Promise<ConsentToWithdraw> {
  return deps.db.tx(ctx, async (sql) => {
    const [consent] = await subject.consents(sql, municipality.id, actor.userId!, id, true);
    if (!consent) throw new AppError('not_found');
    const block = withdrawalBlock(consent);
    if (block) throw new AppError(block);
    if (!confirmed) throw new AppError('confirmation.required');
    if (!(await consentRecords.withdraw(sql, municipality.id, id))) throw new AppError('consent.withdrawn');
    const referrals = consent.purpose === 'provider_sharing' ? await consentRecords.relyingReferrals(sql, municipality.id, id) : [];
    await mailConsentWithdrawn(sql, deps.publicUrl, municipality, consent.recipient, referrals);
    await audit(sql, municipality.id, actor, {
      action: 'consent.withdrawn',
      subjectType: 'consent',
      subjectId: id,
      details: { application: consent.application_id, purpose: consent.purpose, cases: [...new Set(referrals.map((r) => r.case_id))], referrals: referrals.map((r) => r.id) },
    });
    return { consent, block: null, referrals };
  });
}
