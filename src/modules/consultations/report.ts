import type { Translator } from '../../platform/i18n';
import type { MessageKey } from '../../platform/i18n';
import type { PdfDocument } from '../../platform/export/pdf';
import { shownAuthor } from './domain';
import type { ReportData, ShownRemark } from './service';
import type { SurveyResults } from './service-survey';

/**
 * The report as plain rows, shared by its page and its PDF: who (or "anonimowo"), which part, the
 * content (or why it was hidden), the position and its reasons.
 */
export interface ReportRow {
  no: number;
  who: string;
  part: string;
  content: string;
  position: string;
  reasons: string;
}

export function reportRows(t: Translator['t'], report: ReportData): ReportRow[] {
  return report.remarks.map((r: ShownRemark, i) => ({
    no: i + 1,
    who: `${shownAuthor(r, t('consultations.remark.anonymous'))} (${t(`consultations.remark.source.${r.source}` as MessageKey)})`,
    part: r.part_label ?? t('consultations.report.general'),
    content: r.hidden_at
      ? t('consultations.remark.hidden', { reason: r.hidden_reason })
      : [r.quote ? `„${r.quote}”` : '', r.content, r.proposal ? `${t('consultations.remark.proposal')}: ${r.proposal}` : ''].filter(Boolean).join('\n'),
    position: r.position ? t(`consultations.position.${r.position}` as MessageKey) : t('consultations.remark.no_position'),
    reasons: r.reasons,
  }));
}

export const COUNT_KEYS = ['total', 'comment', 'written', 'meeting', 'hidden', 'open'] as const;

export function reportFacts(i18n: Translator, report: ReportData): [string, string][] {
  const { t } = i18n;
  const c = report.consultation;
  return [
    [t('consultations.fact.period'), t('consultations.period', { from: i18n.dateTime(c.opens_at), to: i18n.dateTime(c.closes_at) })],
    [t('consultations.fact.legal_basis'), c.legal_basis],
    [t('consultations.fact.audience'), c.audience.map((a) => t(`consultations.audience.${a}` as MessageKey)).join(', ')],
    [t('consultations.fact.forms'), c.forms.map((f) => t(`consultations.form.${f}` as MessageKey)).join(', ')],
    [t('consultations.report.published'), c.report_published_at ? i18n.dateTime(c.report_published_at) : '—'],
    ...COUNT_KEYS.map((k): [string, string] => [t(`consultations.report.count.${k}` as MessageKey), String(report.counts[k])]),
    ...(['accepted', 'partly', 'rejected', 'not_applicable'] as const).map((p): [string, string] => [t(`consultations.position.${p}` as MessageKey), String(report.counts[p])]),
  ];
}

/** The short survey in the report: one table of counts per choice question (as the surveys module shows them, "<5" where suppressed), then numbers and written answers counted. */
export interface SurveySummary {
  responses: string;
  tables: { question: string; rows: [string, string][] }[];
  lines: { question: string; text: string }[];
}

export function surveySummary(t: Translator['t'], results: SurveyResults): SurveySummary {
  const a = results.analysis;
  const min = a.survey.min_cell;
  const tables = a.frequencies.flatMap((f) =>
    f.rows.map((r) => ({ question: r.label ? `${f.question.text_pl} — ${r.label}` : f.question.text_pl, rows: r.cells.map((c): [string, string] => [c.label, c.cell.shown]) })),
  );
  const lines = [
    ...a.numbers.map((n) => ({ question: n.question.text_pl, text: t('consultations.report.survey_numbers', { n: n.shown, min: n.min, mean: n.mean, max: n.max }) })),
    ...a.texts.map((x) => ({ question: x.question.text_pl, text: t('consultations.report.survey_texts', { n: x.shown }) })),
  ];
  return { responses: t('consultations.report.survey_responses', { count: a.responses, min }), tables, lines };
}

function surveyBlocks(t: Translator['t'], results: SurveyResults | null): PdfDocument['blocks'] {
  if (!results) return [];
  const s = surveySummary(t, results);
  return [
    { kind: 'heading', level: 2, text: t('consultations.report.survey') },
    { kind: 'paragraph', text: s.responses },
    ...s.tables.flatMap((q): PdfDocument['blocks'] => [
      { kind: 'heading', level: 3, text: q.question },
      { kind: 'table', header: [t('consultations.report.survey_answer'), t('consultations.report.survey_count')], rows: q.rows.map(([l, n]) => [l, n]), widths: ['*', 120] },
    ]),
    ...s.lines.flatMap((l): PdfDocument['blocks'] => [
      { kind: 'heading', level: 3, text: l.question },
      { kind: 'paragraph', text: l.text },
    ]),
  ];
}

/** The report as a tagged PDF (rendered on the worker pool by renderPdf). */
export function reportPdf(i18n: Translator, report: ReportData, municipalityName: string): PdfDocument {
  const { t } = i18n;
  const title = t('consultations.report.title', { subject: report.consultation.subject });
  const rows = reportRows(t, report);
  return {
    title,
    lang: i18n.locale === 'en' ? 'en-GB' : 'pl-PL',
    author: municipalityName,
    landscape: true,
    fontSize: 9,
    footer: t('consultations.report.footer'),
    blocks: [
      { kind: 'heading', level: 1, text: title },
      ...(report.consultation.report_published_at ? [] : [{ kind: 'paragraph' as const, text: t('consultations.report.not_published'), style: 'notice' as const }]),
      { kind: 'heading', level: 2, text: t('consultations.report.summary') },
      { kind: 'facts', rows: reportFacts(i18n, report) },
      ...surveyBlocks(t, report.survey),
      { kind: 'heading', level: 2, text: t('consultations.report.remarks') },
      rows.length
        ? {
            kind: 'table',
            header: [t('consultations.report.col.no'), t('consultations.report.col.who'), t('consultations.report.col.part'), t('consultations.report.col.content'), t('consultations.report.col.position'), t('consultations.report.col.reasons')],
            rows: rows.map((r) => [String(r.no), r.who, r.part, r.content, r.position, r.reasons]),
            widths: [28, 110, 70, '*', 80, 170],
          }
        : { kind: 'paragraph', text: t('consultations.report.none'), style: 'empty' },
    ],
  };
}
