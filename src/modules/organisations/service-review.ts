import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import { memberships, type MunicipalityRow } from '../../platform/tenancy/repository';
import { organisations, type OrganisationRow } from './repository';
import { federations, members } from './repository-members';
import type { OrganisationsDeps } from './service';

/** The verification queue (oldest first) and the rest of the registry, for staff with organisations.manage. */
export async function queue(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string) {
  const rows = await deps.db.tx(ctx, (sql) => organisations.queue(sql, municipalityId));
  return {
    pending: rows.filter((r) => r.status === 'pending'),
    rejected: rows.filter((r) => r.status === 'rejected'),
    verified: rows.filter((r) => r.status === 'verified'),
  };
}

/** Everything staff need to decide: the registration, who sent it, and the organisation's federations. */
export async function reviewData(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await organisations.find(sql, municipalityId, id);
    if (!organisation) throw new AppError('not_found');
    const registrant = organisation.registered_by ? await organisations.registrant(sql, organisation.registered_by) : undefined;
    return {
      organisation,
      registrant: registrant ? { name: registrant.display_name, email: registrant.email } : null,
      federations: await federations.of(sql, municipalityId, id),
      federationMembers: organisation.kind === 'federation' ? await federations.members(sql, municipalityId, id, false) : [],
    };
  });
}

type Decision = { status: 'verified' } | { status: 'rejected'; reason: string };

/** Tells the registrant what staff decided (the reason of a rejection included), through the outbox. */
async function notifyRegistrant(sql: Sql, deps: OrganisationsDeps, municipality: MunicipalityRow, o: OrganisationRow, decision: Decision): Promise<void> {
  if (!o.registered_by) return;
  const person = await organisations.registrant(sql, o.registered_by);
  if (!person) return;
  const { t } = translator(person.locale);
  const link = `${deps.publicUrl}/${municipality.slug}/organisations/mine`;
  const params = { name: o.name, municipality: municipality.name, link };
  await enqueue(sql, MAIL_QUEUE, {
    to: person.email,
    ...(decision.status === 'verified'
      ? { subject: t('mail.organisation_verified.subject', params), text: t('mail.organisation_verified.body', params) }
      : { subject: t('mail.organisation_rejected.subject', params), text: t('mail.organisation_rejected.body', { ...params, reason: decision.reason }) }),
  });
}

/**
 * Staff verify or reject a waiting registration seen at `version`. A registration changed or decided
 * by someone else since is refused with `conflict.stale`. On verification its registrant becomes
 * the organisation's administrator (and an organisation representative in the municipality).
 */
export async function decide(
  deps: OrganisationsDeps,
  ctx: DbContext,
  municipality: MunicipalityRow,
  id: string,
  version: number,
  decision: Decision,
  actor: AuditActor,
): Promise<{ name: string }> {
  return deps.db.tx(ctx, async (sql) => {
    const o = await organisations.lock(sql, municipality.id, id);
    if (!o) throw new AppError('not_found');
    if (o.version !== version || o.status !== 'pending') throw new AppError('conflict.stale');
    const reason = decision.status === 'rejected' ? decision.reason : '';
    if (!(await organisations.decide(sql, municipality.id, id, { status: decision.status, reason, reviewer: actor.userId! }, version))) {
      throw new AppError('conflict.stale');
    }
    if (decision.status === 'verified' && o.registered_by) {
      await members.add(sql, municipality.id, id, o.registered_by, 'admin');
      await memberships.grant(sql, municipality.id, o.registered_by, ['ngo_member']);
    }
    await notifyRegistrant(sql, deps, municipality, o, decision);
    await audit(sql, municipality.id, actor, {
      action: decision.status === 'verified' ? 'organisation.verified' : 'organisation.rejected',
      subjectType: 'organisation',
      subjectId: id,
      ...(decision.status === 'rejected' ? { reason: decision.reason } : {}),
      details: { name: o.name, version: version + 1 },
    });
    return { name: o.name };
  });
}

/** Every organisation of the municipality for the staff export; the export itself is recorded in the audit log. */
export async function exportRegistry(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, format: 'csv' | 'xlsx', actor: AuditActor) {
  return deps.db.tx(ctx, async (sql) => {
    const rows = await organisations.exportRows(sql, municipalityId);
    await audit(sql, municipalityId, actor, { action: 'organisations.exported', subjectType: 'organisation', details: { format, rows: rows.length } });
    return rows;
  });
}
