import { renderPdf, type Block, type Cell, type ColumnWidth, type PdfDocument } from '../../platform/export/pdf';
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

const paragraphs = (text: string): Block[] =>
  text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p): Block => ({ kind: 'paragraph', text: p }));

function table(i18n: Translator, header: string[], rows: Cell[][], widths: ColumnWidth[], empty: string): Block {
  if (rows.length === 0) return { kind: 'paragraph', text: empty, style: 'empty' };
  return { kind: 'table', header: header.map((h) => i18n.t(h as 'care_plan.col.number')), rows, widths };
}

function sections(input: CarePlanPdfInput): Block[] {
  const { i18n, contents: c } = input;
  const { t, date } = i18n;
  const heading = (key: string): Block => ({ kind: 'heading', level: 2, text: t(key as 'care_plan.goals') });
  return [
    heading('care_plan.situation'),
    ...(input.plan.situation ? paragraphs(input.plan.situation) : [{ kind: 'paragraph', text: t('care_plan.none'), style: 'empty' } as const]),
    heading('care_plan.goals'),
    table(i18n, ['care_plan.col.number', 'care_plan.field.description', 'care_plan.field.measure'], c.goals.map((g, i) => [String(i + 1), g.description, g.measure]), [20, '*', '*'], t('care_plan.none')),
    heading('care_plan.services'),
    table(i18n, ['care_plan.col.number', 'care_plan.col.service', 'care_plan.field.frequency', 'care_plan.col.provider'],
      c.services.map((s, i) => [String(i + 1), [{ text: s.description, bold: true }, { text: s.service_name ?? '', muted: true }], s.frequency, s.provider_label]),
      [20, '*', 100, 130], t('care_plan.none')),
    heading('care_plan.commitments'),
    table(i18n, ['care_plan.col.number', 'care_plan.field.description', 'care_plan.field.due_on'], c.commitments.map((m, i) => [String(i + 1), m.description, m.due_on ? date(m.due_on) : '—']), [20, '*', 110], t('care_plan.none')),
    heading('care_plan.reviews'),
    table(i18n, ['care_plan.field.review_on', 'care_plan.col.review_done'],
      c.reviews.map((r) => [date(r.review_on), r.done_at ? [t('care_plan.review.done_by', { when: date(r.done_at), who: r.done_by_name ?? '—' }), r.note].filter(Boolean).join('\n') : '—']), [110, '*'], t('care_plan.none')),
    ...(c.notes.length ? [heading('care_plan.notes'), table(i18n, ['care_plan.field.noted_on', 'care_plan.field.note_body'], c.notes.map((n) => [date(n.noted_on), n.body]), [110, '*'], '')] : []),
    ...(input.plan.status === 'closed'
      ? [heading('care_plan.closing'), { kind: 'paragraph', text: t('care_plan.closed_interview', { date: date(input.plan.final_interview_on!) }) } as const, ...paragraphs(input.plan.final_summary)]
      : []),
  ];
}

function signatures(input: CarePlanPdfInput): Block {
  const { t } = input.i18n;
  return {
    kind: 'signatures',
    slots: [
      { role: t('care_plan.pdf.sign_resident'), name: input.case.person_name },
      { role: t('care_plan.pdf.sign_coordinator'), name: input.case.coordinator_name },
      { role: t('care_plan.pdf.sign_approver'), name: input.plan.approver_name ?? '' },
    ],
  };
}

/** The plan for signature: the centre, the case and the resident, validity and status, every section, three signature lines. */
export function carePlanDocument(input: CarePlanPdfInput): PdfDocument {
  const { i18n, plan: p, case: c } = input;
  const { t, date } = i18n;
  return {
    title: t('care_plan.pdf.title', { number: c.number, revision: p.revision }),
    lang: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    author: input.municipality.cusName,
    margins: [40, 40, 40, 50],
    fontSize: 10,
    headingSizes: [16, 12, 11],
    compress: input.compress ?? true,
    footer: t('care_plan.pdf.page', { page: '{page}', pages: '{pages}' }),
    blocks: [
      { kind: 'paragraph', text: `${input.municipality.cusName} (${input.municipality.name})`, style: 'muted' },
      { kind: 'heading', level: 1, text: t('care_plan.pdf.heading') },
      { kind: 'paragraph', text: t('care_plan.revision', { revision: p.revision }) },
      ...(p.status === 'draft' || p.status === 'submitted' ? [{ kind: 'paragraph', text: t('care_plan.pdf.draft_notice'), style: 'notice' } as const] : []),
      {
        kind: 'facts',
        rows: [
          [t('care_plan.pdf.case'), c.number],
          [t('care_plan.pdf.resident'), c.birth_year !== null ? t('care_plan.pdf.resident_born', { name: c.person_name, year: c.birth_year }) : c.person_name],
          [t('care_plan.coordinator'), c.coordinator_name],
          [t('care_plan.validity'), `${date(p.valid_from)} – ${date(p.valid_until)}`],
          [t('care_plan.status_label'), `${t(`care_plan.status.${p.status}`)}${p.approved_at ? ` — ${t('care_plan.approved_by', { who: p.approver_name ?? '—', when: date(p.approved_at) })}` : ''}`],
        ],
      },
      ...sections(input),
      signatures(input),
      { kind: 'paragraph', text: t('care_plan.pdf.generated', { date: i18n.dateTime(input.now) }), style: 'muted', spaceBefore: 10 },
    ],
  };
}

export function carePlanPdf(input: CarePlanPdfInput): Promise<Buffer> {
  return renderPdf(carePlanDocument(input));
}
