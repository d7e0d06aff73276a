import { caseAccess, mayWriteCase, requireCaseAccess, visibleCasesCondition, type CaseViewer } from '../cases';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ProviderRef } from './domain';
import { requireProvider } from './provider';
import { deliveries, events, type DeliveryRow, type EventRow } from './repository-records';
import { providers, type Inbox } from './repository-providers';
import { referrals, sharingStands, type ReferralRow } from './repository';
import { sources, type CaseFacts } from './repository-sources';
import type { ReferralsDeps } from './service-send';
import { referralInScope } from './service-status';

/**
 * Reads of referrals. Every read by the centre or a provider writes `referral.read` in the same
 * transaction, naming the cases and referrals shown; the resident reading her own is not audited.
 */

const auditRead = (sql: Sql, m: MunicipalityRow, actor: AuditActor, list: ReferralRow[], subject: { type: string; id: string }, purpose: string) =>
  audit(sql, m.id, actor, {
    action: 'referral.read', subjectType: subject.type, subjectId: subject.id,
    details: { cases: [...new Set(list.map((r) => r.case_id))], ids: list.map((r) => r.id), purpose },
  });

export interface CaseReferrals {
  caseFacts: CaseFacts;
  referrals: ReferralRow[];
  /** Whether the viewer may refer and cancel (a glass grant only reads). */
  mayWrite: boolean;
}

/** The coordinator's list of a case's referrals (need-to-know). */
export async function caseReferrals(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, caseId: string, actor: AuditActor): Promise<CaseReferrals> {
  return deps.db.tx(ctx, async (sql) => {
    const access = await requireCaseAccess(sql, m.id, viewer, caseId);
    const list = await referrals.ofCase(sql, m.id, caseId);
    await audit(sql, m.id, actor, { action: 'referral.read', subjectType: 'case', subjectId: caseId, details: { cases: [caseId], ids: list.map((r) => r.id), purpose: 'case_list' } });
    return { caseFacts: (await sources.caseFacts(sql, m.id, caseId))!, referrals: list, mayWrite: mayWriteCase(access) };
  });
}

export interface ReferralPage {
  referral: ReferralRow;
  history: EventRow[];
  deliveries: DeliveryRow[];
  /** Whether the viewer may cancel it (a glass grant only reads). */
  mayWrite: boolean;
}

/** One referral as the centre sees it: everything, with its history and deliveries. */
export async function caseReferral(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, caseId: string, id: string, actor: AuditActor): Promise<ReferralPage> {
  return deps.db.tx(ctx, async (sql) => {
    const referral = await referralInScope(sql, m, viewer, { kind: 'case', caseId }, id);
    await auditRead(sql, m, actor, [referral], { type: 'referral', id }, 'page');
    const mayWrite = mayWriteCase(await caseAccess(sql, m.id, viewer, caseId));
    return { referral, history: await events.of(sql, m.id, id), deliveries: await deliveries.of(sql, m.id, id), mayWrite };
  });
}

/** Sent referrals past their answer-by day, of the cases the viewer may list. */
export async function overdueReferrals(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, actor: AuditActor): Promise<ReferralRow[]> {
  return deps.db.tx(ctx, async (sql) => {
    const list = await referrals.overdue(sql, m.id, viewer.userId, visibleCasesCondition(viewer, 2));
    if (list.length) await auditRead(sql, m, actor, list, { type: 'referral_overdue', id: viewer.userId }, 'overdue');
    return list;
  });
}

/**
 * What a provider may see of a referral, and nothing else of the case: the service, what was
 * shared, the person's name and telephone — `shared` is null once the consent relied on is withdrawn.
 */
export interface ProviderReferral {
  id: string;
  service_label: string;
  status: ReferralRow['status'];
  status_reason: string;
  outcome: string;
  respond_by: string;
  sent_at: Date;
  accepted_at: Date | null;
  completed_at: Date | null;
  version: number;
  updated_at: Date;
  deliveries: number;
  shared: { person_name: string; contact_phone: string; shared_details: string } | null;
}

const forProvider = (r: ReferralRow): ProviderReferral => ({
  id: r.id, service_label: r.service_label, status: r.status, status_reason: r.status_reason, outcome: r.outcome, respond_by: r.respond_by,
  sent_at: r.sent_at, accepted_at: r.accepted_at, completed_at: r.completed_at, version: r.version, updated_at: r.updated_at, deliveries: r.deliveries,
  shared: sharingStands(r) ? { person_name: r.person_name, contact_phone: r.contact_phone, shared_details: r.shared_details } : null,
});

export interface ProviderInbox {
  name: string;
  referrals: ProviderReferral[];
}

export async function providerInbox(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, p: ProviderRef, actor: AuditActor): Promise<ProviderInbox> {
  return deps.db.tx(ctx, async (sql) => {
    const name = await requireProvider(sql, m.id, p, viewer);
    const list = await referrals.ofProvider(sql, m.id, p);
    if (list.length) await auditRead(sql, m, actor, list, { type: p.kind, id: p.id }, 'inbox');
    return { name, referrals: list.map(forProvider) };
  });
}

export interface ProviderReferralPage {
  provider: string;
  referral: ProviderReferral;
  history: EventRow[];
  deliveries: DeliveryRow[];
}

export async function providerReferral(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, p: ProviderRef, id: string, actor: AuditActor): Promise<ProviderReferralPage> {
  return deps.db.tx(ctx, async (sql) => {
    const r = await referralInScope(sql, m, viewer, { kind: 'provider', provider: p }, id);
    await auditRead(sql, m, actor, [r], { type: 'referral', id }, 'provider_page');
    return { provider: r.provider_name, referral: forProvider(r), history: await events.of(sql, m.id, id), deliveries: await deliveries.of(sql, m.id, id) };
  });
}

/** "Moje skierowania": the referrals of the person's own cases — her own data, not audited. */
export async function myReferrals(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, userId: string): Promise<ReferralRow[]> {
  return deps.db.tx(ctx, (sql) => referrals.ofResident(sql, m.id, userId));
}

/** The provider inboxes a person may open. */
export async function inboxes(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer): Promise<Inbox[]> {
  return deps.db.tx(ctx, (sql) => providers.inboxesOf(sql, m.id, viewer.userId, viewer.permissions.has('plans.approve')));
}
