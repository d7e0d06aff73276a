import type { Role } from '../../platform/auth/roles';
import { newToken } from '../../platform/auth/tokens';
import type { Sql } from '../../platform/db/types';
import { translator, type Locale, type Translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { invitations } from './repository';
import { people, type Person } from './repository-grants';
import type { StaffDeps } from './service';

export const roleNames = (t: Translator['t'], roles: readonly Role[]) => (roles.length ? roles.map((r) => t(`role.${r}`)).join(', ') : t('role.none'));

/** Creates the invitation and mails its link (also when a grant is confirmed, in the confirmer's transaction). */
export async function sendInvitation(
  sql: Sql,
  deps: StaffDeps,
  municipality: MunicipalityRow,
  input: { email: string; roles: Role[]; locale: Locale; invitedBy: string | null },
): Promise<{ id: string; link: string }> {
  const { token, hash } = newToken();
  const link = `${deps.publicUrl}/${municipality.slug}/invitations/${token}`;
  const id = await invitations.insert(sql, municipality.id, { email: input.email, roles: input.roles, tokenHash: hash, invitedBy: input.invitedBy });
  const { t } = translator(input.locale);
  await enqueue(sql, MAIL_QUEUE, {
    to: input.email,
    subject: t('mail.invite.subject', { municipality: municipality.name }),
    text: t('mail.invite.body', { municipality: municipality.name, roles: roleNames(t, input.roles), link }),
  });
  return { id, link };
}

/** One mail to each person, in their language. */
export async function mailEach(sql: Sql, to: Person[], build: (t: Translator['t']) => { subject: string; text: string }): Promise<void> {
  for (const p of to) await enqueue(sql, MAIL_QUEUE, { to: p.email, ...build(translator(p.locale).t) });
}

/** Every change of roles is mailed to all the municipality's administrators (review 1 #7). */
export async function notifyRolesChanged(
  sql: Sql,
  deps: StaffDeps,
  municipality: MunicipalityRow,
  change: { actorLabel: string; who: string; before: readonly Role[]; after: readonly Role[] },
): Promise<void> {
  const link = `${deps.publicUrl}/${municipality.slug}/staff`;
  await mailEach(sql, await people.withRole(sql, municipality.id, 'administrator'), (t) => ({
    subject: t('mail.roles_changed.subject', { municipality: municipality.name }),
    text: t('mail.roles_changed.body', {
      actor: change.actorLabel || 'operator',
      municipality: municipality.name,
      who: change.who,
      before: roleNames(t, change.before),
      after: roleNames(t, change.after),
      link,
    }),
  }));
}
