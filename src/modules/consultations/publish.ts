import { publishFromModule } from '../announcements';
import type { Sql } from '../../platform/db/types';
import { renderPdf } from '../../platform/export/pdf';
import { AppError } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs/outbox';
import { MAIL_QUEUE } from '../../platform/mail/mailer';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { ConsultationInput } from './form';
import { reportPdf } from './report';
import type { PublishHooks, ReportData } from './service';

/** Where the consultation and its report live on the site (the announcements and the mail link to them). */
export const consultationPath = (m: MunicipalityRow, id: string) => `/${m.slug}/consultations/${id}`;
export const reportPath = (m: MunicipalityRow, id: string) => `${consultationPath(m, id)}/report`;

const CATEGORY = 'konsultacje';
const pl = translator('pl');
/** Markdown's own characters in what staff typed are shown as typed. */
const md = (s: string) => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

/**
 * The consultation's notice in the announcements (category "konsultacje"), published at the opening;
 * an edit of the consultation is a correction of the same notice (a new version, ADR 0028).
 */
export async function announceConsultation(sql: Sql, m: MunicipalityRow, enteredBy: string | null, id: string, c: ConsultationInput, publicUrl: string): Promise<void> {
  if (!enteredBy) return;
  const params = { subject: c.subject, from: pl.dateTime(c.opens_at), to: pl.dateTime(c.closes_at) };
  const body = [
    md(pl.t('consultations.intro')),
    '',
    `**${pl.t('consultations.fact.period')}:** ${params.from} – ${params.to}`,
    c.legal_basis ? `**${pl.t('consultations.fact.legal_basis')}:** ${md(c.legal_basis)}` : '',
    c.contact ? `**${pl.t('consultations.fact.contact')}:** ${md(c.contact)}` : '',
    '',
    `[${md(c.subject)}](${publicUrl}${consultationPath(m, id)})`,
  ].filter((l, i, all) => l !== '' || all[i - 1] !== '').join('\n');
  await publishFromModule(sql, m.id, enteredBy, {
    categorySlug: CATEGORY,
    title: pl.t('consultations.announce.opened.title', params).slice(0, 300),
    lead: pl.t('consultations.announce.opened.lead', params),
    bodyMarkdown: body,
    producedBy: m.cus_name,
    source: { module: 'consultations', id },
    publishAt: c.opens_at,
  });
}

/**
 * What publishing the report does beyond the module's own rows: the report as an announcement
 * (its page linked, its tagged PDF attached) and a mail to each participant through the outbox.
 */
export function publishHooks(publicUrl: string, m: MunicipalityRow, enteredBy: string | null): PublishHooks {
  return {
    render: async (report: ReportData) => (enteredBy ? renderPdf(reportPdf(pl, { ...report, consultation: { ...report.consultation, report_published_at: new Date() } }, m.cus_name)) : null),
    announce: async (sql: Sql, report: ReportData, pdf: Buffer | null) => {
      const c = report.consultation;
      if (!enteredBy) return reportPath(m, c.id);
      const params = { subject: c.subject, count: report.counts.total };
      const a = {
        categorySlug: CATEGORY,
        title: pl.t('consultations.announce.report.title', params).slice(0, 300),
        lead: pl.t('consultations.announce.report.lead', params),
        bodyMarkdown: [
          md(pl.t('consultations.announce.report.lead', params)),
          '',
          `- [${pl.t('consultations.report_link')}](${publicUrl}${reportPath(m, c.id)})`,
          c.consulted_text || report.parts.length ? `- [${pl.t('consultations.changes_link')}](${publicUrl}${consultationPath(m, c.id)}/changes)` : '',
        ].join('\n'),
        producedBy: m.cus_name,
        source: { module: 'consultations', id: `${c.id}/report` },
      };
      if (!pdf) return (await publishFromModule(sql, m.id, enteredBy, a)).path;
      try {
        return (await publishFromModule(sql, m.id, enteredBy, { ...a, attachments: [{ name: 'raport-z-konsultacji.pdf', mediaType: 'application/pdf', content: pdf }] })).path;
      } catch (err) {
        // A report too big to attach (thousands of remarks) is announced with its links only; the checks run before anything is written.
        if (!(err instanceof AppError) || err.code !== 'validation.failed' || !err.fields?.attachments) throw err;
        return (await publishFromModule(sql, m.id, enteredBy, a)).path;
      }
    },
    mail: async (sql, report, recipients) => {
      const link = `${publicUrl}${reportPath(m, report.consultation.id)}`;
      for (const r of recipients) {
        const { t } = translator(r.locale === 'en' ? 'en' : 'pl');
        const params = { subject: report.consultation.subject, link, municipality: m.cus_name };
        await enqueue(sql, MAIL_QUEUE, { to: r.email, subject: t('consultations.mail.report.subject', params), text: t('consultations.mail.report.body', params) });
      }
    },
  };
}
