import { renderPdf, type Block, type ColumnWidth, type PdfDocument } from '../../platform/export/pdf';
import type { MessageKey, Translator } from '../../platform/i18n';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { readerRoles, readWhat } from './reads-text';
import type { ApplicationRecord } from '../applications';
import type { PlanRecord } from '../care-plans';
import type { CaseRecord } from '../cases';
import type { MeetingAnswerRecord } from '../meetings';
import type { MembershipRecord } from '../organisations';
import type { ReferralRecord } from '../referrals';
import type { BookingRecord } from '../venues';
import type { DocumentRecord } from './personal-data';
import type { Gathered } from './service-export';

type T = Translator['t'];

const heading = (text: string): Block => ({ kind: 'heading', level: 2, text });
const subheading = (text: string): Block => ({ kind: 'heading', level: 3, text });
const none = (t: T): Block => ({ kind: 'paragraph', text: t('my_data.pdf.none'), style: 'empty' });
const facts = (rows: [string, string][]): Block => ({ kind: 'facts', rows, labelWidth: 150 });
const list = (items: string[], t: T): Block => (items.length ? { kind: 'list', items } : none(t));
const label = (text: string): Block => ({ kind: 'paragraph', text: [{ text, bold: true }] });
const table = (header: string[], rows: string[][], widths: ColumnWidth[]): Block => ({ kind: 'table', header, rows, widths });

function applications(rows: ApplicationRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return rows.flatMap((a) => [
    subheading(a.service_name),
    facts([
      [t('my_data.pdf.status'), `${t(`applications.status.${a.status}` as 'applications.status.waiting')}${a.queue_position !== null ? ` — ${t('applications.mine.position', { position: a.queue_position })}` : ''}`],
      [t('my_data.pdf.reason'), a.status_reason],
      [t('applications.col.beneficiary'), `${a.beneficiary_name}${a.beneficiary_birth_year !== null ? `, ${t('applications.born', { year: a.beneficiary_birth_year })}` : ''} (${t(`applications.relation.${a.relation}` as 'applications.relation.self')})`],
      [t('applications.col.applicant'), a.applicant_name],
      [t('applications.detail.contact'), [a.contact_phone, a.contact_email].filter(Boolean).join(', ')],
      [t('applications.field.need'), a.need],
      [t('applications.col.since'), dateTime(a.submitted_at)],
    ]),
    label(t('applications.consents.title')),
    list(a.consents.map((c) =>
      `${t(`applications.purpose.${c.purpose}`, { recipient: c.recipient })} — ${t('applications.consents.given', { when: dateTime(c.given_at) })}${c.withdrawn_at ? `; ${t('applications.consents.withdrawn', { when: dateTime(c.withdrawn_at) })}` : ''}`), t),
    label(t('applications.history.title')),
    list(a.history.map((e) =>
      `${dateTime(e.at)}: ${e.kind === 'moved' ? t('applications.history.moved', { from: e.position_from ?? 0, to: e.position_to ?? 0 }) : e.kind === 'submitted' ? t('applications.history.submitted', { position: e.position_to ?? 0 }) : t('my_data.pdf.status_change', { to: e.status_to ? t(`applications.status.${e.status_to}` as 'applications.status.waiting') : '—' })}${e.reason ? ` (${e.reason})` : ''}`), t),
  ]);
}

function cases(rows: CaseRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return rows.flatMap((c) => [
    subheading(t('my_data.case', { number: c.number })),
    facts([
      [t('my_data.pdf.status'), t(`my_data.case_status.${c.status}`)],
      [t('my_data.pdf.person'), `${c.person_name}${c.birth_year !== null ? `, ${t('applications.born', { year: c.birth_year })}` : ''}${c.representative_name ? `; ${t('my_data.pdf.representative', { name: c.representative_name })}` : ''}`],
      [t('applications.detail.contact'), [c.contact_phone, c.contact_email].filter(Boolean).join(', ')],
      [t('my_data.coordinator'), c.coordinator],
      [t('my_data.unit'), c.unit ? [c.unit.name, c.unit.phone, c.unit.email, c.unit.address].filter(Boolean).join(', ') : ''],
      [t('my_data.pdf.opened'), dateTime(c.opened_at)],
      [t('my_data.pdf.closed'), c.closed_at ? `${dateTime(c.closed_at)}${c.closing_note ? ` — ${c.closing_note}` : ''}` : ''],
    ]),
  ]);
}

function plans(rows: PlanRecord[], i18n: Translator): Block[] {
  const { t, date } = i18n;
  if (rows.length === 0) return [none(t)];
  return rows.flatMap((p) => [
    subheading(t('my_data.pdf.plan', { revision: p.revision, number: p.case_number })),
    facts([
      [t('my_data.pdf.status'), t(`my_data.plan_status.${p.status}` as 'my_data.plan_status.draft')],
      [t('my_data.pdf.valid'), `${date(p.valid_from)} – ${date(p.valid_until)}`],
      [t('my_data.pdf.situation'), p.situation],
      [t('my_data.pdf.summary'), p.final_summary],
    ]),
    label(t('my_data.pdf.goals')),
    list(p.goals.map((x) => (x.measure ? `${x.description} (${x.measure})` : x.description)), t),
    label(t('my_data.pdf.services')),
    list(p.services.map((x) => `${x.description} — ${x.frequency}${x.provider ? `, ${x.provider}` : ''}`), t),
    label(t('my_data.pdf.commitments')),
    list(p.commitments.map((x) => (x.due_on ? `${x.description} (${date(x.due_on)})` : x.description)), t),
    label(t('my_data.pdf.reviews')),
    list(p.reviews.map((x) => `${date(x.review_on)}${x.note ? `: ${x.note}` : ''}`), t),
    label(t('my_data.pdf.notes')),
    list(p.notes.map((x) => `${date(x.noted_on)}: ${x.body}`), t),
  ]);
}

function referrals(rows: ReferralRecord[], i18n: Translator): Block[] {
  const { t, date, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return rows.flatMap((r) => [
    subheading(`${r.service_label}${r.provider ? ` — ${r.provider}` : ''}`),
    facts([
      [t('my_data.pdf.status'), t(`my_data.referral_status.${r.status}` as 'my_data.referral_status.sent')],
      [t('my_data.pdf.reason'), r.status_reason],
      [t('my_data.case_label'), r.case_number],
      [t('my_data.pdf.sent'), dateTime(r.sent_at)],
      [t('my_data.pdf.shared'), r.shared_details],
      [t('my_data.pdf.outcome'), r.outcome],
    ]),
    label(t('my_data.pdf.deliveries')),
    list(r.deliveries.map((d) =>
      `${date(d.delivered_on)}: ${[d.minutes !== null ? t('my_data.pdf.minutes', { count: d.minutes }) : '', d.units !== null ? t('my_data.pdf.units', { units: d.units }) : ''].filter(Boolean).join(', ')}${d.note ? ` — ${d.note}` : ''}`), t),
  ]);
}

function documents(rows: DocumentRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return [table([t('my_data.col.file'), t('my_data.col.added'), t('my_data.col.state')],
    rows.map((d) => [`${d.filename} (${Math.ceil(d.size_bytes / 1024)} KB)`, `${dateTime(d.uploaded_at)}, ${d.uploaded_by_name ?? '—'}`, d.removed_at ? t('my_data.documents.removed_at', { when: dateTime(d.removed_at) }) : d.description]), ['*', 150, 150])];
}

function meetingAnswers(rows: MeetingAnswerRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return rows.flatMap((a) => [
    subheading(`${a.meeting} — ${dateTime(a.starts_at)}${a.meeting_status === 'cancelled' ? ` (${t('my_data.pdf.meeting_cancelled')})` : ''}`),
    facts([
      [t('my_data.pdf.on_behalf'), a.organisation ?? ''],
      [t('meetings.answers.col.answer'), t(`meetings.answer.${a.response ?? 'none'}`)],
      [t('meetings.answers.col.people'), a.response ? String(a.people_count) : ''],
      [t('meetings.answers.col.needs'), a.accessibility_needs],
      [t('meetings.answers.col.when'), a.responded_at ? dateTime(a.responded_at) : ''],
    ]),
  ]);
}

function bookings(rows: BookingRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  if (rows.length === 0) return [none(t)];
  return [table([t('venues.col.when'), t('venues.col.room'), t('venues.col.title'), t('venues.col.status')],
    rows.map((b) => [`${dateTime(b.starts_at)} – ${dateTime(b.ends_at)}`, `${b.venue}, ${b.room}`, `${b.title}${b.organisation ? ` (${b.organisation})` : ''}`,
      `${t(`venues.status.${b.status}`)}${b.decision_reason ? ` — ${b.decision_reason}` : ''}`]), [120, 110, '*', 110])];
}

function memberships(rows: MembershipRecord[], i18n: Translator): Block[] {
  const { t, dateTime } = i18n;
  return [list(rows.map((m) => `${m.organisation} — ${t('my_data.pdf.member_since', { role: t(`organisations.mine.role.${m.role}`), when: dateTime(m.joined_at) })}`), t)];
}

/** A section the PDF has no layout for (a module added later): each record's fields as they are. */
function anySection(records: unknown[], i18n: Translator): Block[] {
  if (records.length === 0) return [none(i18n.t)];
  const text = (v: unknown) => (v instanceof Date ? i18n.dateTime(v) : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return records.map((r) => facts(Object.entries(r as Record<string, unknown>).map(([k, v]) => [k, text(v)])));
}

/** The PDF's sections in the order a resident reads them, each under its Polish (or English) heading; any other section follows. */
const SECTIONS: { section: string; title: MessageKey; render: (records: never[], i18n: Translator) => Block[] }[] = [
  { section: 'applications', title: 'applications.mine.title', render: applications },
  { section: 'cases', title: 'my_data.cases.title', render: cases },
  { section: 'plans', title: 'my_data.plans.title', render: plans },
  { section: 'referrals', title: 'my_data.referrals.title', render: referrals },
  { section: 'documents', title: 'my_data.documents.title', render: documents },
  { section: 'meeting_answers', title: 'meetings.inbox.title', render: meetingAnswers },
  { section: 'bookings', title: 'venues.mine.title', render: bookings },
  { section: 'organisation_memberships', title: 'organisations.mine.title', render: memberships },
  { section: 'consultation_remarks', title: 'consultations.my_data.title', render: anySection },
  { section: 'announcement_subscriptions', title: 'announcements.my_data.title', render: anySection },
];

function sections(g: Gathered, i18n: Translator): Block[] {
  const known = SECTIONS.flatMap(({ section, title, render }) => {
    const found = g.sections.find((s) => s.section === section);
    return found ? [heading(i18n.t(title)), ...render(found.records as never[], i18n)] : [];
  });
  const other = g.sections.filter((s) => !SECTIONS.some((k) => k.section === s.section)).flatMap((s) => [heading(s.section), ...anySection(s.records, i18n)]);
  return [...known, ...other];
}

/** "Moje dane": everything the municipality holds about the person, in sections, in the reader's language (Polish by default). */
export function myDataDocument(g: Gathered, municipality: MunicipalityRow, i18n: Translator, now: Date, compress = true): PdfDocument {
  const { t, dateTime } = i18n;
  const a = g.account;
  return {
    title: t('my_data.pdf.title', { centre: municipality.cus_name }),
    lang: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    author: municipality.cus_name,
    margins: [40, 40, 40, 50],
    fontSize: 9,
    headingSizes: [18, 13, 11],
    compress,
    footer: t('my_data.pdf.page', { page: '{page}', pages: '{pages}' }),
    blocks: [
      { kind: 'heading', level: 1, text: t('my_data.pdf.title', { centre: municipality.cus_name }) },
      { kind: 'paragraph', text: t('my_data.pdf.generated', { when: dateTime(now) }), style: 'muted' },
      heading(t('my_data.pdf.account')),
      facts([
        [t('my_data.pdf.name'), a.display_name],
        [t('my_data.pdf.email'), a.email],
        [t('my_data.pdf.account_since'), dateTime(a.created_at)],
        [t('my_data.pdf.roles'), g.membership ? g.membership.roles.map((r) => t(`role.${r}` as 'role.resident')).join(', ') : t('my_data.pdf.no_membership')],
      ]),
      ...sections(g, i18n),
      heading(t('my_data.reads.title')),
      g.readList.length === 0 ? none(t) : table([t('my_data.col.when'), t('my_data.col.who'), t('my_data.col.what'), t('my_data.col.why')],
        g.readList.map((e) => [dateTime(e.occurred_at), `${e.reader} (${readerRoles(t, e)})`, readWhat(t, e, g.labels), e.reason || t('my_data.reads.duty')]), [90, 120, '*', 110]),
    ],
  };
}

export const myDataPdf = (g: Gathered, municipality: MunicipalityRow, i18n: Translator, now: Date) => renderPdf(myDataDocument(g, municipality, i18n, now));
