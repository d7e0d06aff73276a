import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderPdf } from '../../platform/export/pdf';
import type { Translator } from '../../platform/i18n';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { readerRoles, readWhat } from './reads-text';
import type { Gathered } from './service-export';

type T = Translator['t'];

const heading = (text: string): Content => ({ text, style: 'heading', headlineLevel: 1 });
const subheading = (text: string): Content => ({ text, style: 'subheading' });
const none = (t: T): Content => ({ text: t('my_data.pdf.none'), italics: true, margin: [0, 0, 0, 6] });
const facts = (rows: [string, string][]): Content => ({
  table: { widths: [150, '*'], body: rows.filter(([, v]) => v !== '').map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 6],
});
const list = (items: string[], t: T): Content => (items.length ? { ul: items, margin: [0, 0, 0, 6] } : none(t));
const table = (header: string[], rows: string[][], widths: (number | string)[]): Content => ({
  table: { headerRows: 1, widths, body: [header.map((h) => ({ text: h, style: 'th' })), ...rows] },
  layout: 'lightHorizontalLines',
  margin: [0, 0, 0, 8],
});

function applications(g: Gathered, i18n: Translator): Content[] {
  const { t, dateTime } = i18n;
  if (g.applications.length === 0) return [none(t)];
  return g.applications.flatMap((a) => [
    subheading(a.service_name),
    facts([
      [t('my_data.pdf.status'), `${t(`applications.status.${a.status}` as 'applications.status.waiting')}${a.queue_position !== null ? ` — ${t('applications.mine.position', { position: a.queue_position })}` : ''}`],
      [t('my_data.pdf.reason'), a.status_reason],
      [t('applications.col.beneficiary'), `${a.beneficiary_name}, ${t('applications.born', { year: a.beneficiary_birth_year })} (${t(`applications.relation.${a.relation}` as 'applications.relation.self')})`],
      [t('applications.col.applicant'), a.applicant_name],
      [t('applications.detail.contact'), [a.contact_phone, a.contact_email].filter(Boolean).join(', ')],
      [t('applications.field.need'), a.need],
      [t('applications.col.since'), dateTime(a.submitted_at)],
    ]),
    { text: t('applications.consents.title'), bold: true },
    list(g.consents.filter((c) => c.application_id === a.id).map((c) =>
      `${t(`applications.purpose.${c.purpose}`, { recipient: c.recipient })} — ${t('applications.consents.given', { when: dateTime(c.given_at) })}${c.withdrawn_at ? `; ${t('applications.consents.withdrawn', { when: dateTime(c.withdrawn_at) })}` : ''}`), t),
    { text: t('applications.history.title'), bold: true },
    list(g.events.filter((e) => e.application_id === a.id).map((e) =>
      `${dateTime(e.at)}: ${e.kind === 'moved' ? t('applications.history.moved', { from: e.position_from ?? 0, to: e.position_to ?? 0 }) : e.kind === 'submitted' ? t('applications.history.submitted', { position: e.position_to ?? 0 }) : t('my_data.pdf.status_change', { to: e.status_to ? t(`applications.status.${e.status_to}` as 'applications.status.waiting') : '—' })}${e.reason ? ` (${e.reason})` : ''}`), t),
  ]);
}

function cases(g: Gathered, i18n: Translator): Content[] {
  const { t, dateTime } = i18n;
  if (g.cases.length === 0) return [none(t)];
  return g.cases.flatMap((c) => [
    subheading(t('my_data.case', { number: c.number })),
    facts([
      [t('my_data.pdf.status'), t(`my_data.case_status.${c.status}`)],
      [t('my_data.pdf.person'), `${c.person_name}, ${t('applications.born', { year: c.birth_year })}${c.representative_name ? `; ${t('my_data.pdf.representative', { name: c.representative_name })}` : ''}`],
      [t('applications.detail.contact'), [c.contact_phone, c.contact_email].filter(Boolean).join(', ')],
      [t('my_data.coordinator'), c.coordinator_name],
      [t('my_data.unit'), [c.unit_name, c.unit_phone, c.unit_email, c.unit_address].filter(Boolean).join(', ')],
      [t('my_data.pdf.opened'), dateTime(c.opened_at)],
      [t('my_data.pdf.closed'), c.closed_at ? `${dateTime(c.closed_at)}${c.closing_note ? ` — ${c.closing_note}` : ''}` : ''],
    ]),
  ]);
}

function plans(g: Gathered, i18n: Translator): Content[] {
  const { t, date } = i18n;
  if (g.plans.length === 0) return [none(t)];
  const of = <R extends { plan_id: string }>(rows: R[], id: string) => rows.filter((r) => r.plan_id === id);
  return g.plans.flatMap((p) => [
    subheading(t('my_data.pdf.plan', { revision: p.revision, number: p.case_number })),
    facts([
      [t('my_data.pdf.status'), t(`my_data.plan_status.${p.status}` as 'my_data.plan_status.draft')],
      [t('my_data.pdf.valid'), `${date(p.valid_from)} – ${date(p.valid_until)}`],
      [t('my_data.pdf.situation'), p.situation],
      [t('my_data.pdf.summary'), p.final_summary],
    ]),
    { text: t('my_data.pdf.goals'), bold: true },
    list(of(g.goals, p.id).map((x) => (x.measure ? `${x.description} (${x.measure})` : x.description)), t),
    { text: t('my_data.pdf.services'), bold: true },
    list(of(g.services, p.id).map((x) => `${x.description} — ${x.frequency}${x.provider ? `, ${x.provider}` : ''}`), t),
    { text: t('my_data.pdf.commitments'), bold: true },
    list(of(g.commitments, p.id).map((x) => (x.due_on ? `${x.description} (${date(x.due_on)})` : x.description)), t),
    { text: t('my_data.pdf.reviews'), bold: true },
    list(of(g.reviews, p.id).map((x) => `${date(x.review_on)}${x.note ? `: ${x.note}` : ''}`), t),
    { text: t('my_data.pdf.notes'), bold: true },
    list(of(g.notes, p.id).map((x) => `${date(x.noted_on)}: ${x.body}`), t),
  ]);
}

function referrals(g: Gathered, i18n: Translator): Content[] {
  const { t, date, dateTime } = i18n;
  if (g.referrals.length === 0) return [none(t)];
  return g.referrals.flatMap((r) => [
    subheading(`${r.service_label}${r.provider ? ` — ${r.provider}` : ''}`),
    facts([
      [t('my_data.pdf.status'), t(`my_data.referral_status.${r.status}` as 'my_data.referral_status.sent')],
      [t('my_data.pdf.reason'), r.status_reason],
      [t('my_data.case_label'), r.case_number],
      [t('my_data.pdf.sent'), dateTime(r.sent_at)],
      [t('my_data.pdf.shared'), r.shared_details],
      [t('my_data.pdf.outcome'), r.outcome],
    ]),
    { text: t('my_data.pdf.deliveries'), bold: true },
    list(g.deliveries.filter((d) => d.referral_id === r.id).map((d) =>
      `${date(d.delivered_on)}: ${[d.minutes !== null ? t('my_data.pdf.minutes', { count: d.minutes }) : '', d.units !== null ? t('my_data.pdf.units', { units: d.units }) : ''].filter(Boolean).join(', ')}${d.note ? ` — ${d.note}` : ''}`), t),
  ]);
}

/** "Moje dane": everything the municipality holds about the person, in sections, in the reader's language (Polish by default). */
export function myDataDocument(g: Gathered, municipality: MunicipalityRow, i18n: Translator, now: Date, compress = true): TDocumentDefinitions {
  const { t, dateTime } = i18n;
  const a = g.account;
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    language: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    compress,
    info: { title: t('my_data.pdf.title', { centre: municipality.cus_name }), author: municipality.cus_name, creator: 'Wspólnota' },
    content: [
      { text: t('my_data.pdf.title', { centre: municipality.cus_name }), style: 'title' },
      { text: t('my_data.pdf.generated', { when: dateTime(now) }), style: 'muted', margin: [0, 0, 0, 10] },
      heading(t('my_data.pdf.account')),
      facts([
        [t('my_data.pdf.name'), a.display_name],
        [t('my_data.pdf.email'), a.email],
        [t('my_data.pdf.account_since'), dateTime(a.created_at)],
        [t('my_data.pdf.roles'), g.membership ? g.membership.roles.map((r) => t(`role.${r}` as 'role.resident')).join(', ') : t('my_data.pdf.no_membership')],
      ]),
      heading(t('applications.mine.title')), ...applications(g, i18n),
      heading(t('my_data.cases.title')), ...cases(g, i18n),
      heading(t('my_data.plans.title')), ...plans(g, i18n),
      heading(t('my_data.referrals.title')), ...referrals(g, i18n),
      heading(t('my_data.documents.title')),
      g.documents.length === 0 ? none(t) : table([t('my_data.col.file'), t('my_data.col.added'), t('my_data.col.state')],
        g.documents.map((d) => [`${d.filename} (${Math.ceil(d.size_bytes / 1024)} KB)`, `${dateTime(d.uploaded_at)}, ${d.uploaded_by_name ?? '—'}`, d.removed_at ? t('my_data.documents.removed_at', { when: dateTime(d.removed_at) }) : d.description]), ['*', 150, 150]),
      heading(t('my_data.reads.title')),
      g.readList.length === 0 ? none(t) : table([t('my_data.col.when'), t('my_data.col.who'), t('my_data.col.what'), t('my_data.col.why')],
        g.readList.map((e) => [dateTime(e.occurred_at), `${e.reader} (${readerRoles(t, e)})`, readWhat(t, e, g.labels), e.reason || t('my_data.reads.duty')]), [90, 120, '*', 110]),
    ],
    footer: (page, pages) => ({ text: t('my_data.pdf.page', { page, pages }), alignment: 'center', style: 'muted', margin: [0, 20, 0, 0] }),
    pageBreakBefore: (node, following) => node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      heading: { fontSize: 13, bold: true, margin: [0, 12, 0, 6] },
      subheading: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true },
      muted: { fontSize: 8, color: '#505a5f' },
    },
  };
}

export const myDataPdf = (g: Gathered, municipality: MunicipalityRow, i18n: Translator, now: Date) => renderPdf(myDataDocument(g, municipality, i18n, now));
