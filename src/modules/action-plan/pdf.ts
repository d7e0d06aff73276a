import { renderPdf, type Block, type Cell, type PdfDocument } from '../../platform/export/pdf';
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

const paragraphs = (text: string): Block[] =>
  text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p): Block => ({ kind: 'paragraph', text: p }));

function responsible(input: ActionPlanPdfInput, a: ActionRow): string {
  const person = a.responsible_user_id ? (input.staffNames && a.responsible_name ? a.responsible_name : input.municipality.cusName) : null;
  return [...(person ? [person] : []), ...a.organisations.map((o) => o.name), ...(a.partner ? [a.partner] : [])].join('; ');
}

function actionRow(input: ActionPlanPdfInput, a: ActionRow, number: string, today: string): Cell[] {
  const { t, date } = input.i18n;
  const overdue = isOverdue(a, today);
  const status = [t(`action_plan.action_status.${a.status}`), ...(overdue ? [t('action_plan.overdue')] : []), ...(a.status === 'dropped' && a.drop_note ? [a.drop_note] : [])];
  const values = [a.target_value !== null ? t('action_plan.target', { value: numberText(a.target_value) }) : '', a.achieved_value !== null ? t('action_plan.achieved', { value: numberText(a.achieved_value) }) : ''].filter(Boolean);
  return [
    number,
    [{ text: a.title, bold: true }, { text: a.description ?? '', muted: true }],
    responsible(input, a),
    `${date(a.starts_on)} – ${date(a.due_on)}`,
    [{ text: status.join(' — '), bold: overdue }],
    [a.indicator, values.join(', ')].filter(Boolean).join('\n'),
  ];
}

function goal(input: ActionPlanPdfInput, g: GoalWithActions, n: number, today: string): Block[] {
  const { t } = input.i18n;
  const { done, total } = progressOf(g.actions);
  const header = ['col.number', 'col.action', 'col.responsible', 'col.dates', 'col.status', 'col.indicator'].map((k) => t(`action_plan.${k}` as 'action_plan.col.action'));
  return [
    { kind: 'heading', level: 3, text: t('action_plan.goal.heading', { number: n, title: g.title }) },
    ...paragraphs(g.description),
    { kind: 'paragraph', text: t('action_plan.progress', { done, count: total }), style: 'muted' },
    g.actions.length === 0
      ? { kind: 'paragraph', text: t('action_plan.goal.no_actions'), style: 'empty' }
      : { kind: 'table', header, widths: [24, '*', 130, 90, 80, 110], rows: g.actions.map((a, i) => actionRow(input, a, `${n}.${i + 1}`, today)) },
  ];
}

/** The plan as a document: A4 landscape, facts, main goal and diagnosis, then each goal's actions table. */
export function actionPlanDocument(input: ActionPlanPdfInput): PdfDocument {
  const { i18n, plan: p } = input;
  const { t } = i18n;
  const today = warsawToday(input.now);
  return {
    title: p.title,
    lang: i18n.locale === 'pl' ? 'pl-PL' : 'en-GB',
    author: input.municipality.cusName,
    subject: t('action_plan.pdf.subject'),
    landscape: true,
    margins: [40, 40, 40, 50],
    fontSize: 9,
    headingSizes: [18, 13, 11],
    compress: input.compress ?? true,
    footer: t('action_plan.pdf.page', { page: '{page}', pages: '{pages}' }),
    blocks: [
      { kind: 'heading', level: 1, text: p.title },
      ...(p.status === 'draft' ? [{ kind: 'paragraph', text: t('action_plan.draft_notice'), style: 'notice' } as const] : []),
      {
        kind: 'facts',
        rows: [
          [t('action_plan.field.area'), p.area],
          [t('action_plan.period'), `${i18n.date(p.period_from)} – ${i18n.date(p.period_to)}`],
          [t('action_plan.field.status'), t(`action_plan.status.${p.status}`)],
          [t('action_plan.prepared_by'), `${input.municipality.cusName} (${input.municipality.name})`],
        ],
      },
      ...(p.main_goal ? [{ kind: 'heading', level: 2, text: t('action_plan.field.main_goal') } as const, ...paragraphs(p.main_goal)] : []),
      ...(p.diagnosis ? [{ kind: 'heading', level: 2, text: t('action_plan.field.diagnosis') } as const, ...paragraphs(p.diagnosis)] : []),
      { kind: 'heading', level: 2, text: t('action_plan.goals') },
      ...(input.goals.length ? input.goals.flatMap((g, i) => goal(input, g, i + 1, today)) : [{ kind: 'paragraph', text: t('action_plan.no_goals'), style: 'empty' } as const]),
      { kind: 'paragraph', text: t('action_plan.print.generated', { date: i18n.dateTime(input.now) }), style: 'muted', spaceBefore: 10 },
    ],
  };
}

export async function actionPlanPdf(input: ActionPlanPdfInput): Promise<Buffer> {
  return renderPdf(actionPlanDocument(input));
}
