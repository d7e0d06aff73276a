import { toCsv } from '../../platform/export/csv';
import { renderXlsx } from '../../platform/export/xlsx';
import { translator, type Translator } from '../../platform/i18n';
import { isOverdue } from './domain';
import type { ActionRow } from './repository-actions';

/** The file's columns: stable machine names, in this order, in the first row. */
export const EXPORT_COLUMNS = [
  'goal_number', 'goal', 'action_number', 'action', 'description', 'responsible_staff', 'organisations', 'partner', 'starts_on', 'due_on',
  'status', 'status_label', 'overdue', 'drop_note', 'indicator', 'target_value', 'achieved_value', 'id',
] as const;
type Column = (typeof EXPORT_COLUMNS)[number];
type Cell = string | number | null;

export interface ExportRow {
  goalNumber: number;
  goal: string;
  action: ActionRow;
}

const NAME_SEPARATOR = ' | ';

function cells(r: ExportRow, index: number, today: string, pl: Translator): Record<Column, Cell> {
  const a = r.action;
  return {
    goal_number: r.goalNumber,
    goal: r.goal,
    action_number: `${r.goalNumber}.${index}`,
    action: a.title,
    description: a.description,
    responsible_staff: a.responsible_name ?? '',
    organisations: a.organisations.map((o) => o.name).join(NAME_SEPARATOR),
    partner: a.partner,
    starts_on: a.starts_on,
    due_on: a.due_on,
    status: a.status,
    status_label: pl.t(`action_plan.action_status.${a.status}`),
    overdue: isOverdue(a, today) ? 'yes' : 'no',
    drop_note: a.drop_note,
    indicator: a.indicator,
    target_value: a.target_value === null ? null : Number(a.target_value),
    achieved_value: a.achieved_value === null ? null : Number(a.achieved_value),
    id: a.id,
  };
}

/** Each action's number within its goal ("2.3"), in the plan's order. */
function numbered(rows: ExportRow[]): [ExportRow, number][] {
  const seen = new Map<number, number>();
  return rows.map((r) => {
    const n = (seen.get(r.goalNumber) ?? 0) + 1;
    seen.set(r.goalNumber, n);
    return [r, n];
  });
}

/** UTF-8 with a byte-order mark (Excel reads Polish letters right), formulas neutralised. */
export function actionsCsv(rows: ExportRow[], today: string): string {
  const pl = translator('pl');
  const records = numbered(rows).map(([r, n]) => {
    const c = cells(r, n, today, pl);
    return EXPORT_COLUMNS.map((k) => (c[k] === null ? '' : String(c[k])));
  });
  return toCsv(records, { columns: EXPORT_COLUMNS });
}

const WIDTHS: Partial<Record<Column, number>> = { goal: 40, action: 44, description: 60, organisations: 44, responsible_staff: 28, partner: 28, drop_note: 40, indicator: 40, id: 38 };

/** Sheet "Działania" with a bold, frozen header row; dates stay text (YYYY-MM-DD), numbers are numbers. */
export function actionsXlsx(rows: ExportRow[], today: string, pl: Translator): Promise<Buffer> {
  return renderXlsx([{
    name: pl.t('action_plan.export.sheet'),
    columns: EXPORT_COLUMNS.map((c) => ({ header: c, key: c, width: WIDTHS[c] ?? 14 })),
    // Text cells are strings, never formulas (a formula is an object for exceljs), so they keep their exact text.
    rows: numbered(rows).map(([r, n]) => cells(r, n, today, pl)),
    textColumns: ['action_number', 'starts_on', 'due_on', 'id'],
  }]);
}
