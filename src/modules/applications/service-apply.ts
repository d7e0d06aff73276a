import { audit, type AuditActor } from '../../platform/audit/audit';
import type { Database, DbContext, Sql } from '../../platform/db/types';
import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { isInQueue, MAX_OPEN_PER_APPLICANT, needsAge, type Channel } from './domain';
import type { ApplicationInput } from './form';
import { mailStatusChange } from './mail';
import { applications } from './repository';
import { queues } from './repository-queue';
import { consents, events } from './repository-records';

export interface ApplicationsDeps {
  db: Database;
  publicUrl: string;
}

interface Applicant {
  id: string | null;
  name: string;
  channel: Channel;
  registeredBy: string | null;
}

/** The service applied for must be in the catalogue and active; a suspended or closed one is named as such. */
async function openService(sql: Sql, municipalityId: string, serviceId: string) {
  const service = await applications.service(sql, municipalityId, serviceId);
  if (!service) throw validationError({ service_id: { code: 'invalid' } });
  if (service.status !== 'active') throw validationError({ service_id: { code: `application_service_${service.status === 'closed' ? 'closed' : 'suspended'}` } });
  return service;
}

/**
 * One queue is not to be flooded: at most MAX_OPEN_PER_APPLICANT of one applicant's applications in it,
 * and one of theirs per beneficiary. Checked under the queue's lock, so parallel submissions are counted one by one.
 */
async function refuseFlooding(sql: Sql, municipalityId: string, serviceId: string, applicant: Applicant, beneficiary: string, birthYear: number | null): Promise<void> {
  const fields: FieldErrors = {};
  if (applicant.id && (await queues.openOfApplicant(sql, municipalityId, serviceId, applicant.id)) >= MAX_OPEN_PER_APPLICANT) {
    fields.service_id = { code: 'application_open_limit', params: { max: MAX_OPEN_PER_APPLICANT } };
  }
  if (await queues.holdsBeneficiary(sql, municipalityId, serviceId, applicant, beneficiary, birthYear)) fields.beneficiary_name = { code: 'application_duplicate' };
  if (Object.keys(fields).length) throw validationError(fields);
}

/** Files an application at the end of its service's queue, with its consents, history entry, audit entry and mail. */
async function file(deps: ApplicationsDeps, sql: Sql, municipality: MunicipalityRow, input: ApplicationInput, applicant: Applicant, actor: AuditActor): Promise<{ id: string; position: number }> {
  const service = await openService(sql, municipality.id, input.serviceId);
  // For oneself the year may be left out (the form), except where the service's eligibility needs an age.
  if (input.birthYear === null && needsAge(service.criteria)) throw validationError({ beneficiary_birth_year: { code: 'application_birth_year_for_age' } });
  const beneficiaryName = input.beneficiaryName || applicant.name;
  await queues.lock(sql, municipality.id, service.id);
  await refuseFlooding(sql, municipality.id, service.id, applicant, beneficiaryName, input.birthYear);
  const position = (await queues.last(sql, municipality.id, service.id)) + 1;
  const id = await applications.insert(sql, municipality.id, {
    ...input,
    beneficiaryName,
    serviceId: service.id,
    applicantId: applicant.id,
    applicantName: applicant.name,
    channel: applicant.channel,
    registeredBy: applicant.registeredBy,
    position,
  });
  await consents.give(sql, municipality.id, id, 'cus_processing', municipality.cus_name, applicant.registeredBy);
  if (input.consentSharing) await consents.give(sql, municipality.id, id, 'provider_sharing', service.provider_name, applicant.registeredBy);
  await events.add(sql, municipality.id, id, { kind: 'submitted', status_from: '', status_to: 'waiting', position_from: null, position_to: position, reason: '' }, actor.userId);
  await audit(sql, municipality.id, actor, { action: 'application.submitted', subjectType: 'application', subjectId: id, details: { service: service.id, channel: applicant.channel, position } });
  await mailStatusChange(sql, deps.publicUrl, municipality, { applicant_id: applicant.id, contact_email: input.contactEmail, service_name: service.name }, { status: 'submitted', reason: '', position });
  return { id, position };
}

/** A logged-in resident applies online, for themselves or someone they represent or care for. */
export async function apply(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, input: ApplicationInput, user: { id: string; name: string }, actor: AuditActor) {
  return deps.db.tx(ctx, (sql) => file(deps, sql, municipality, input, { id: user.id, name: user.name, channel: 'online', registeredBy: null }, actor));
}

/**
 * Staff register an application made in person or by phone. When the contact e-mail is the verified
 * account of a member of the municipality, the application is theirs and shows in their "Moje wnioski".
 */
export async function register(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, input: ApplicationInput & { applicantName: string; channel: Channel }, actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const account = input.contactEmail ? await applications.memberByEmail(sql, municipality.id, input.contactEmail) : undefined;
    return file(deps, sql, municipality, input, { id: account?.id ?? null, name: input.applicantName, channel: input.channel, registeredBy: actor.userId }, actor);
  });
}

/** The applicant withdraws an application still in the queue; those behind it move up. Someone else's is not found. */
export async function withdraw(deps: ApplicationsDeps, ctx: DbContext, municipality: MunicipalityRow, id: string, userId: string, actor: AuditActor): Promise<string> {
  return deps.db.tx(ctx, async (sql) => {
    const first = await applications.find(sql, municipality.id, id);
    if (!first || first.applicant_id !== userId) throw new AppError('not_found');
    await queues.lock(sql, municipality.id, first.service_id);
    const a = (await applications.find(sql, municipality.id, id, true))!;
    if (!isInQueue(a.status)) throw new AppError('application.closed');
    await applications.setStatus(sql, municipality.id, id, a.version, { status: 'withdrawn', reason: '', forwardedTo: null, position: null });
    await queues.closeGap(sql, municipality.id, a.service_id, a.queue_position!);
    await events.add(sql, municipality.id, id, { kind: 'status', status_from: a.status, status_to: 'withdrawn', position_from: a.queue_position, position_to: null, reason: '' }, userId);
    await audit(sql, municipality.id, actor, { action: 'application.withdrawn', subjectType: 'application', subjectId: id, details: { service: a.service_id } });
    await mailStatusChange(sql, deps.publicUrl, municipality, a, { status: 'withdrawn', reason: '', position: null });
    return a.service_name;
  });
}
