import { requireCaseWrite, type CaseViewer } from '../cases';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { addDays, warsawDay } from '../../platform/time';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ProviderRef } from './domain';
import { parseProvider, providerValue, type ReferralInput } from './form';
import { mailConsentRenewed, requireStatement, withdrawnConsentFor } from './consent-renewal';
import { mailNewReferral } from './mail';
import { events } from './repository-records';
import { referrals } from './repository';
import { sources, type CaseFacts, type Choice, type ConsentRow, type PlanServiceFacts } from './repository-sources';

export interface ReferralsDeps {
  db: Database;
  publicUrl: string;
}

/** Where a referral comes from: a service of the case's plan, or an application of the case. */
export interface SourceQuery {
  planServiceId: string | null;
  applicationId: string | null;
}

interface Source {
  planService?: PlanServiceFacts;
  application?: { id: string; service_id: string; service_name: string };
}

export interface SendingForm {
  caseFacts: CaseFacts;
  source: Source;
  consents: ConsentRow[];
  units: Choice[];
  organisations: Choice[];
  services: Choice[];
  /** The defaults of a new form: the plan's service and its provider, the answer-by day a week on. */
  defaults: Record<string, string>;
}

/** The live consent to share with this provider, given on an application of the case. */
export const liveConsentFor = (consents: ConsentRow[], p: ProviderRef) =>
  consents.find((c) => c.withdrawn_at === null && (p.kind === 'unit' ? c.recipient_unit_id === p.id : c.recipient_organisation_id === p.id));

/** The case to refer from: cases' one write rule (open, written by one who answers for it), locked when sending. */
async function openCase(sql: Sql, m: MunicipalityRow, viewer: CaseViewer, caseId: string, lock: boolean): Promise<CaseFacts> {
  await requireCaseWrite(sql, m.id, viewer, caseId, { lock });
  return (await sources.caseFacts(sql, m.id, caseId))!;
}

async function sourceOf(sql: Sql, m: MunicipalityRow, caseId: string, q: SourceQuery): Promise<Source> {
  if (q.planServiceId) {
    const planService = await sources.planService(sql, m.id, caseId, q.planServiceId);
    if (!planService) throw new AppError('not_found');
    return { planService };
  }
  if (q.applicationId) {
    const application = await sources.application(sql, m.id, caseId, q.applicationId);
    if (!application) throw new AppError('not_found');
    return { application };
  }
  return {};
}

function defaultsOf(source: Source): Record<string, string> {
  const s = source.planService;
  const provider = s?.provider_unit_id ? `unit:${s.provider_unit_id}` : s?.provider_organisation_id ? `organisation:${s.provider_organisation_id}` : '';
  return {
    provider,
    service_id: s?.service_id ?? source.application?.service_id ?? '',
    service_label: s?.description ?? source.application?.service_name ?? '',
    respond_by: addDays(warsawDay(), 7),
    plan_service_id: s?.id ?? '',
    application_id: source.application?.id ?? '',
  };
}

/**
 * The sending form's data: the case (need-to-know), where the referral comes from, the consents to
 * share given so far, the providers (organisations matching `q`, with the chosen one kept), the
 * catalogue. Showing the case and its consents is a read of the case: audited.
 */
export async function sendingForm(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, caseId: string, q: SourceQuery & { search: string; chosen: string }, actor: AuditActor): Promise<SendingForm> {
  return deps.db.tx(ctx, async (sql) => {
    const caseFacts = await openCase(sql, m, viewer, caseId, false);
    const source = await sourceOf(sql, m, caseId, q);
    const defaults = defaultsOf(source);
    const organisations = await sources.organisations(sql, m.id, q.search);
    const chosen = parseProvider(q.chosen || defaults.provider!);
    if (chosen?.kind === 'organisation' && !organisations.some((o) => o.id === chosen.id)) {
      const name = await sources.providerName(sql, m.id, chosen);
      if (name) organisations.unshift({ id: chosen.id, name });
    }
    await audit(sql, m.id, actor, { action: 'case.read', subjectType: 'case', subjectId: caseId, details: { cases: [caseId], ids: [caseId], purpose: 'referral_form' } });
    return { caseFacts, source, consents: await sources.consents(sql, m.id, caseId), units: await sources.units(sql, m.id), organisations, services: await sources.services(sql, m.id), defaults };
  });
}

/**
 * The consent the referral relies on: a live one, or one staff record now; null when an override is
 * used. Recording again a consent the resident withdrew takes their new statement: it is flagged to
 * the auditor and the resident is mailed.
 */
async function consentFor(sql: Sql, publicUrl: string, m: MunicipalityRow, c: CaseFacts, source: Source, input: ReferralInput, providerName: string, actor: AuditActor): Promise<string | null> {
  const consents = await sources.consents(sql, m.id, c.id);
  const live = liveConsentFor(consents, input.provider);
  if (live) return live.id;
  if (input.recordConsent) {
    const withdrawn = withdrawnConsentFor(consents, input.provider);
    const statement = withdrawn ? requireStatement(input.statement, withdrawn, providerName) : null;
    const applicationId = source.application?.id ?? c.opened_from;
    const id = await sources.recordConsent(sql, m.id, applicationId, input.provider, providerName, actor.userId!, statement);
    const renewal = withdrawn && statement ? { flagged: true, renews: withdrawn.id, given_on: statement.givenOn, manner: statement.manner } : {};
    await audit(sql, m.id, actor, {
      action: 'referral.consent_recorded', subjectType: 'application_consent', subjectId: id,
      details: { cases: [c.id], ids: [id], application: applicationId, provider: providerValue(input.provider), ...renewal },
    });
    if (withdrawn && statement) await mailConsentRenewed(sql, publicUrl, m, { applicationId: withdrawn.application_id, caseId: c.id, recipient: providerName, staffId: actor.userId!, statement });
    return id;
  }
  if (!input.overrideBasis) throw validationError({ record_consent: { code: 'referral_consent_required', params: { provider: providerName } } });
  return null;
}

/**
 * Sends a referral. The consent gate: a live consent to share with that provider, or one the
 * resident gave in person recorded now, or a permitted override with its reason (flagged to the
 * auditor). The provider's members are told; everything is audited.
 */
export async function send(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, caseId: string, input: ReferralInput, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await openCase(sql, m, viewer, caseId, true);
    const source = await sourceOf(sql, m, caseId, input);
    const providerName = await sources.providerName(sql, m.id, input.provider);
    const serviceName = input.serviceId ? await sources.serviceName(sql, m.id, input.serviceId) : undefined;
    const fields = { ...(!providerName ? { provider: { code: 'invalid' } } : {}), ...(input.serviceId && !serviceName ? { service_id: { code: 'invalid' } } : {}) };
    if (Object.keys(fields).length) throw validationError(fields);
    const consentId = await consentFor(sql, deps.publicUrl, m, c, source, input, providerName!, actor);
    const override = consentId ? null : input.overrideBasis;
    const id = await referrals.insert(sql, m.id, {
      caseId, planId: source.planService?.plan_id ?? null, planServiceId: source.planService?.id ?? null,
      applicationId: source.application?.id ?? (source.planService ? null : c.opened_from),
      provider: input.provider, serviceId: input.serviceId, serviceLabel: input.serviceLabel || serviceName!, sharedDetails: input.sharedDetails,
      consentId, overrideBasis: override, overrideReason: override ? input.overrideReason : '', respondBy: input.respondBy, sentBy: actor.userId!,
    });
    await events.add(sql, m.id, id, { from: '', to: 'sent', reason: '' }, actor.userId);
    const details = { cases: [caseId], ids: [id], provider: providerValue(input.provider), consent: consentId };
    await audit(sql, m.id, actor, { action: 'referral.sent', subjectType: 'referral', subjectId: id, details });
    if (override) {
      await audit(sql, m.id, actor, { action: 'referral.consent_override', subjectType: 'referral', subjectId: id, details: { ...details, basis: override, flagged: true } });
    }
    await mailNewReferral(sql, deps.publicUrl, m, input.provider, { id, service: input.serviceLabel || serviceName!, provider: providerName!, respondBy: input.respondBy });
    return id;
  });
}
