import { publishFromModule } from '../announcements';
import type { Sql } from '../../platform/db/types';
import { translator } from '../../platform/i18n';
import type { MessageKey } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { formatMoney, formatPercent, type CallRow } from './domain';
import type { AnnounceResults, OnSubmitted } from './service';

const CATEGORY = 'konkursy-ofert';
const pl = translator('pl');
/** Markdown's own characters in what staff typed are shown as typed. */
const md = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');
export const callPath = (m: MunicipalityRow, id: string) => `/${m.slug}/grants/calls/${id}`;
export const offerPath = (m: MunicipalityRow, id: string) => `/${m.slug}/grants/offers/${id}`;
/** Submission time to the second, Polish time. */
export const secondsFormat = (locale: 'pl' | 'en') => new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { timeZone: 'Europe/Warsaw', dateStyle: 'long', timeStyle: 'medium' });

/** The call's notice (category "Konkursy ofert"); an edit of a published call is a correction of the same notice. */
export function announceCall(m: MunicipalityRow, enteredBy: string | null, publicUrl: string) {
  return async (sql: Sql, c: CallRow): Promise<void> => {
    if (!enteredBy) return;
    const params = { closes: pl.dateTime(c.offers_close_at), ceiling: formatMoney(c.grant_ceiling) };
    const body = [
      md(c.tasks),
      '',
      `**${pl.t('commissioning.fact.sphere')}:** ${md(pl.t(`sphere.${c.sphere}` as MessageKey))}`,
      `**${pl.t('commissioning.fact.total')}:** ${formatMoney(c.total_amount)} zł`,
      `**${pl.t('commissioning.fact.ceiling')}:** ${formatMoney(c.grant_ceiling)} zł`,
      `**${pl.t('commissioning.fact.own')}:** ${formatPercent(c.min_own_basis_points)}%`,
      `**${pl.t('commissioning.fact.closes')}:** ${params.closes}`,
      '',
      `[${md(c.title)}](${publicUrl}${callPath(m, c.id)})`,
    ].join('\n');
    await publishFromModule(sql, m.id, enteredBy, {
      categorySlug: CATEGORY,
      title: `${pl.t('commissioning.call.number', { number: c.number })}: ${c.title}`.slice(0, 300),
      lead: pl.t('commissioning.announce.call.lead', params),
      bodyMarkdown: body,
      producedBy: m.cus_name,
      source: { module: 'commissioning', id: c.id },
    });
  };
}

/** The results as an announcement of their own (a new source: the call's notice stays as it was). */
export function announceResults(m: MunicipalityRow, enteredBy: string | null, publicUrl: string): AnnounceResults {
  return async (sql, call, list) => {
    if (!enteredBy) return;
    const awarded = list.filter((o) => o.decision_kind === 'awarded');
    const amount = awarded.reduce((a, o) => a + (o.amount ?? 0), 0);
    const rows = list.map((o) => `| ${md(o.organisation_name)} | ${md(o.title)} | ${pl.t(`commissioning.decision.${o.decision_kind ?? 'none'}` as MessageKey)} | ${o.amount ? `${formatMoney(o.amount)} zł` : '—'} |`);
    const body = [
      `| ${pl.t('commissioning.results.offeror')} | ${pl.t('commissioning.results.offer')} | ${pl.t('commissioning.results.decision')} | ${pl.t('commissioning.results.amount')} |`,
      '|---|---|---|---|',
      ...rows,
      '',
      `[${md(call.title)}](${publicUrl}${callPath(m, call.id)})`,
    ].join('\n');
    await publishFromModule(sql, m.id, enteredBy, {
      categorySlug: CATEGORY,
      title: pl.t('commissioning.announce.results.title', { title: call.title }).slice(0, 300),
      lead: pl.t('commissioning.announce.results.lead', { count: awarded.length, amount: formatMoney(amount) }),
      bodyMarkdown: body,
      producedBy: m.cus_name,
      source: { module: 'commissioning-results', id: call.id },
    });
  };
}

/** The confirmation mail to whoever submitted, through the outbox (sent after the commit). */
export function mailConfirmation(m: MunicipalityRow, to: string, publicUrl: string): OnSubmitted {
  return async (sql, offer, call, v) => {
    if (!to) return;
    const params = { title: offer.title, organisation: offer.organisation_name, call: call.title, when: secondsFormat('pl').format(v.submitted_at), hash: v.sha256, url: `${publicUrl}${offerPath(m, offer.id)}/submitted` };
    await enqueue(sql, MAIL_QUEUE, { to, subject: pl.t('commissioning.mail.submitted.subject', params), text: pl.t('commissioning.mail.submitted.body', params) });
  };
}
