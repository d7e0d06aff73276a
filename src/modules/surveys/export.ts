import { toCsv } from '../../platform/export/csv';
import type { Translator } from '../../platform/i18n';
import type { SurveyAnalysis } from './analysis';

/** The analysis as CSV, with the same suppression as the page: a count under the minimum is written "<n". */
export function analysisCsv(i18n: Translator, data: SurveyAnalysis): string {
  const { t } = i18n;
  const records: string[][] = [[t('surveys.csv.table'), t('surveys.csv.question'), t('surveys.csv.row'), t('surveys.csv.answer'), t('surveys.csv.count')]];
  for (const f of data.frequencies) for (const r of f.rows) for (const c of r.cells) records.push([t('surveys.analysis.frequencies'), f.question.text_pl, r.label, c.label, c.cell.shown]);
  for (const n of data.numbers) records.push([t('surveys.analysis.numbers'), n.question.text_pl, '', t('surveys.analysis.mean'), n.mean], [t('surveys.analysis.numbers'), n.question.text_pl, '', t('surveys.csv.count'), n.shown]);
  if (data.cross) {
    for (const r of data.cross.rows)
      r.cells.forEach((c, j) => records.push([t('surveys.analysis.cross'), `${data.cross!.a.text_pl} × ${data.cross!.b.text_pl}`, r.label, data.cross!.columns[j]!.label, c.shown]));
  }
  return toCsv(records);
}
