import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderPdf, type PdfDocument } from '../../platform/export/pdf';
import type { Translator } from '../../platform/i18n';
import type { CaseRow, PlanContents, PlanRow } from './domain';

export interface CarePlanPdfInput {
  case: CaseRow;
  plan: PlanRow;
  contents: PlanContents;
  i18n: Translator;
  municipality: { name: string; cusName: string };
  now: Date;
  /** Uncompressed content streams (for inspecting the text in tests). */
  compress?: boolean;
}

const paragraphs = (text: string): Content[] =>
  text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p): Content => ({ text: p, margin: [0, 0, 0, 6] }));

function table(i18n: Translator, header: string[], rows: TableCell[][], widths: (string | number)[], empty: string): Content {
  if (rows.length === 0) return { text: empty, italics: true, margin: [0, 0, 0, 10] };
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [header.map((h): TableCell => ({ text: i18n.t(h as 'care_plan.col.number'), bold: true })), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

function sections(input: CarePlanPdfInput): Content[] {
  const { i18n, contents: c } = input;
  const { t, date } = i18n;
  const heading = (key: string): Content => ({ text: t(key as 'care_plan.goals'), style: 'heading' });
  return [
    heading('care_plan.situation'),
    ...(input.plan.situation ? paragraphs(input.plan.situation) : [{ text: t('care_plan.none'), italics: true } as Content]),
    heading('care_plan.goals'),
    table(i18n, ['care_plan.col.number', 'care_plan.field.description', 'care_plan.field.measure'], c.goals.map((g, i) => [String(i + 1), g.description, g.measure]), [20, '*', '*'], t('care_plan.none')),
    heading('care_plan.services'),
    table(i18n, ['care_plan.col.number', 'care_plan.col.service', 'care_plan.field.frequency', 'care_plan.col.provider'],
      c.services.map((s, i) => [String(i + 1), { stack: [{ text: s.description, bold: true }, ...(s.service_name ? [{ text: s.service_name, style: 'muted' } as Content] : [])] }, s.frequency, s.provider_label]),
      [20, '*', 100, 130], t('care_plan.none')),
    heading('care_plan.commitments'),
    table(i18n, ['care_plan.col.number', 'care_plan.field.description', 'care_plan.field.due_on'], c.commitments.map((m, i) => [String(i + 1), m.description, m.due_on ? date(m.due_on) : '—']), [20, '*', 110], t('care_plan.none')),
    heading('care_plan.reviews'),
    table(i18n, ['care_plan.field.review_on', 'care_plan.col.review_done'],
      c.reviews.map((r) => [date(r.review_on), r.done_at ? [t('care_plan.review.done_by', { when: date(r.done_at), who: r.done_by_name ?? '—' }), r.note].filter(Boolean).join('\n') : '—']), [110, '*'], t('care_plan.none')),
    ...(c.notes.length ? [heading('care_plan.notes'), table(i18n, ['care_plan.field.noted_on', 'care_plan.field.note_body'], c.notes.map((n) => [date(n.noted_on), n.body]), [110, '*'], '')] : []),
    ...(input.plan.status === 'closed'
      ? [heading('care_plan.closing'), { text: t('care_plan.closed_interview', { date: date(input.plan.final_interview_on!) }), margin: [0, 0, 0, 6] } as Content, ...paragraphs(input.plan.final_summary)]
      : []),
  ];
}

function signatures(input: CarePlanPdfInput): Content {
  const { t } = input.i18n;
  const line = (who: string, name: string): Content => ({ stack: [{ text: '\n\n\n……………………………………………' }, { text: who, bold: true }, { text: name, style: 'muted' }] });
  return {
    columns: [
      line(t('care_plan.pdf.sign_resident'), input.case.person_name),
      line(t('care_plan.pdf.sign_coordinator'), input.case.coordinator_name),
      line(t('care_plan.pdf.sign_approver'), input.plan.approver_name ?? ''),
    ],
    columnGap: 16,
    margin: [0, 24, 0, 0],
    unbreakable: true,
  };
}

/** The plan for signature: the centre, the case and the resident, validity and status, every section, three signature lines. */
export function carePlanDocument(input: CarePlanPdfInput): PdfDocument {
  const { i18n, plan: p, case: c } = input;
  const { t, date } = i18n;
  const facts: [string, string][] = [
    [t('care_plan.pdf.case'), c.number],
    [t('care_plan.pdf.resident'), t('care_plan.pdf.resident_born', { name: c.person_name, year: c.birth_year })],
    [t('care_plan.coordinator'), c.coordinator_name],
    [t('care_plan.validity'), `${date(p.valid_from)} – ${date(p.valid_until)}`],
    [t('care_plan.status_label'), `${t(`care_plan.status.${p.status}`)}${p.approved_at ? ` — ${t('care_plan.approved_by', { who: p.approver_name ?? '—', when: date(p.approved_at) })}` : ''}`],
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    language: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    compress: input.compress ?? true,
    info: { title: t('care_plan.pdf.title', { number: c.number, revision: p.revision }), author: input.municipality.cusName, creator: 'Wspólnota' },
    content: [
      { text: `${input.municipality.cusName} (${input.municipality.name})`, style: 'muted' },
      { text: t('care_plan.pdf.heading'), style: 'title' },
      { text: t('care_plan.revision', { revision: p.revision }), margin: [0, 0, 0, 8] },
      ...(p.status === 'draft' || p.status === 'submitted' ? [{ text: t('care_plan.pdf.draft_notice'), bold: true, margin: [0, 0, 0, 8] } as Content] : []),
      { table: { widths: ['auto', '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] },
      ...sections(input),
      signatures(input),
      { text: t('care_plan.pdf.generated', { date: i18n.dateTime(input.now) }), style: 'muted', margin: [0, 16, 0, 0] },
    ],
    pageFooter: { text: t('care_plan.pdf.page', { page: '{page}', pages: '{pages}' }), style: 'muted', margin: [0, 20, 0, 0] },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 4, 0, 4] },
      heading: { fontSize: 12, bold: true, margin: [0, 10, 0, 6] },
      muted: { fontSize: 8, color: '#505a5f' },
    },
  };
}

export function carePlanPdf(input: CarePlanPdfInput): Promise<Buffer> {
  return renderPdf(carePlanDocument(input));
}
