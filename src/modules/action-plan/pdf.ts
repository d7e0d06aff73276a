import type { Content, TableCell } from 'pdfmake/interfaces';
import { renderPdf, type PdfDocument } from '../../platform/export/pdf';
import type { Translator } from '../../platform/i18n';
import { isOverdue, progressOf, warsawToday } from './domain';
import { numberText } from './form-action';
import type { PlanRow } from './repository';
import type { ActionRow } from './repository-actions';
import type { GoalWithActions } from './service';


export interface ActionPlanPdfInput {
  plan: PlanRow;
  goals: GoalWithActions[];
  i18n: Translator;
  municipality: { name: string; cusName: string };
  /** Staff see the names of the staff members responsible; everyone else sees the centre. */
  staffNames: boolean;
  now: Date;
  /** Uncompressed content streams (for inspecting the text in tests). */
  compress?: boolean;
}

const paragraphs = (text: string): Content[] =>
  text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p): Content => ({ text: p, margin: [0, 0, 0, 6] }));

function responsible(input: ActionPlanPdfInput, a: ActionRow): string {
  const person = a.responsible_user_id ? (input.staffNames && a.responsible_name ? a.responsible_name : input.municipality.cusName) : null;
  return [...(person ? [person] : []), ...a.organisations.map((o) => o.name), ...(a.partner ? [a.partner] : [])].join('; ');
}

function actionRow(input: ActionPlanPdfInput, a: ActionRow, number: string, today: string): TableCell[] {
  const { t, date } = input.i18n;
  const overdue = isOverdue(a, today);
  const status = [t(`action_plan.action_status.${a.status}`), ...(overdue ? [t('action_plan.overdue')] : []), ...(a.status === 'dropped' && a.drop_note ? [a.drop_note] : [])];
  const values = [a.target_value !== null ? t('action_plan.target', { value: numberText(a.target_value) }) : '', a.achieved_value !== null ? t('action_plan.achieved', { value: numberText(a.achieved_value) }) : ''].filter(Boolean);
  return [
    number,
    { stack: [{ text: a.title, bold: true }, ...(a.description ? [{ text: a.description, style: 'muted' } as Content] : [])] },
    responsible(input, a),
    `${date(a.starts_on)} – ${date(a.due_on)}`,
    { text: status.join(' — '), bold: overdue },
    [a.indicator, values.join(', ')].filter(Boolean).join('\n'),
  ];
}

function goal(input: ActionPlanPdfInput, g: GoalWithActions, n: number, today: string): Content[] {
  const { t } = input.i18n;
  const { done, total } = progressOf(g.actions);
  const header = ['col.number', 'col.action', 'col.responsible', 'col.dates', 'col.status', 'col.indicator'].map((k): TableCell => ({ text: t(`action_plan.${k}` as 'action_plan.col.action'), style: 'th' }));
  return [
    { text: t('action_plan.goal.heading', { number: n, title: g.title }), style: 'goal', headlineLevel: 1 },
    ...paragraphs(g.description),
    { text: t('action_plan.progress', { done, count: total }), style: 'muted', margin: [0, 0, 0, 4] },
    g.actions.length === 0
      ? { text: t('action_plan.goal.no_actions'), italics: true, margin: [0, 0, 0, 10] }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths: [24, '*', 130, 90, 80, 110], body: [header, ...g.actions.map((a, i) => actionRow(input, a, `${n}.${i + 1}`, today))] },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 12],
        },
  ];
}

/** The plan as a pdfmake document definition: A4 landscape, facts, main goal and diagnosis, then each goal's actions table. */
export function actionPlanDocument(input: ActionPlanPdfInput): PdfDocument {
  const { i18n, plan: p } = input;
  const { t } = i18n;
  const today = warsawToday(input.now);
  const facts: [string, string][] = [
    [t('action_plan.field.area'), p.area],
    [t('action_plan.period'), `${i18n.date(p.period_from)} – ${i18n.date(p.period_to)}`],
    [t('action_plan.field.status'), t(`action_plan.status.${p.status}`)],
    [t('action_plan.prepared_by'), `${input.municipality.cusName} (${input.municipality.name})`],
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 40, 40, 50],
    language: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    displayTitle: true,
    compress: input.compress ?? true,
    info: { title: p.title, author: input.municipality.cusName, subject: t('action_plan.pdf.subject'), creator: 'Wspólnota' },
    content: [
      { text: p.title, style: 'title' },
      ...(p.status === 'draft' ? [{ text: t('action_plan.draft_notice'), bold: true, margin: [0, 0, 0, 8] } as Content] : []),
      { table: { widths: ['auto', '*'], body: facts.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 12] },
      ...(p.main_goal ? [{ text: t('action_plan.field.main_goal'), style: 'heading' } as Content, ...paragraphs(p.main_goal)] : []),
      ...(p.diagnosis ? [{ text: t('action_plan.field.diagnosis'), style: 'heading' } as Content, ...paragraphs(p.diagnosis)] : []),
      { text: t('action_plan.goals'), style: 'heading' },
      ...(input.goals.length ? input.goals.flatMap((g, i) => goal(input, g, i + 1, today)) : [{ text: t('action_plan.no_goals'), italics: true } as Content]),
      { text: t('action_plan.print.generated', { date: i18n.dateTime(input.now) }), style: 'muted', margin: [0, 16, 0, 0] },
    ],
    pageFooter: { text: t('action_plan.pdf.page', { page: '{page}', pages: '{pages}' }), style: 'muted', margin: [0, 20, 0, 0] },
    // A goal's heading never ends a page.
    keepHeadlinesWithNext: true,
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, margin: [0, 10, 0, 6] },
      goal: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      th: { bold: true },
      muted: { fontSize: 8, color: '#505a5f' },
    },
  };
}

export async function actionPlanPdf(input: ActionPlanPdfInput): Promise<Buffer> {
  return renderPdf(actionPlanDocument(input));
}
