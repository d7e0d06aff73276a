import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { reportFacts, reportRows, surveySummary, type ReportRow } from '../report';
import type { ReportData } from '../service';
import { consultationsBase } from './common';

/** The report page: the facts and counts, then every remark with the centre's position (the PDF says the same). */
export function ReportPage(props: { ctx: PageContext; report: ReportData }) {
  const { ctx, report } = props;
  const { t } = ctx.i18n;
  const c = report.consultation;
  const base = `${consultationsBase(ctx)}/${c.id}`;
  return (
    <PageLayout ctx={ctx} title={t('consultations.report.title', { subject: c.subject })} back={{ href: base, label: c.subject }}>
      {c.report_published_at ? null : <p class="notice">{t('consultations.report.not_published')}</p>}
      <ul class="links">
        <li>
          <a href={`${base}/report.pdf`}>{t('consultations.report_pdf')}</a>
        </li>
      </ul>
      <h2>{t('consultations.report.summary')}</h2>
      <dl class="facts">
        {reportFacts(ctx.i18n, report).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {report.survey ? <SurveySection ctx={ctx} report={report} /> : null}
      <h2 id="remarks-title">{t('consultations.report.remarks')}</h2>
      <Table<ReportRow>
        id="report-remarks"
        caption={t('consultations.report.remarks')}
        captionHidden
        rows={reportRows(t, report)}
        empty={t('consultations.report.none')}
        columns={[
          { header: t('consultations.report.col.no'), cell: (r) => String(r.no), rowHeader: true, numeric: true },
          { header: t('consultations.report.col.who'), cell: (r) => r.who },
          { header: t('consultations.report.col.part'), cell: (r) => r.part },
          { header: t('consultations.report.col.content'), cell: (r) => <span class="prewrap">{r.content}</span> },
          { header: t('consultations.report.col.position'), cell: (r) => r.position },
          { header: t('consultations.report.col.reasons'), cell: (r) => <span class="prewrap">{r.reasons}</span> },
        ]}
      />
    </PageLayout>
  );
}

/** The short survey's counts (suppressed by the surveys module): a table per choice question, numbers and written answers counted. */
function SurveySection(props: { ctx: PageContext; report: ReportData }) {
  const { t } = props.ctx.i18n;
  const s = surveySummary(t, props.report.survey!);
  return (
    <section aria-labelledby="survey-title">
      <h2 id="survey-title">{t('consultations.report.survey')}</h2>
      <p>{s.responses}</p>
      {s.tables.map((q, i) => (
        <>
          <h3 id={`survey-q-${i}`}>{q.question}</h3>
          <Table<[string, string]>
            id={`survey-table-${i}`}
            caption={q.question}
            captionHidden
            rows={q.rows}
            empty="—"
            columns={[
              { header: t('consultations.report.survey_answer'), cell: (r) => r[0], rowHeader: true },
              { header: t('consultations.report.survey_count'), cell: (r) => r[1], numeric: true },
            ]}
          />
        </>
      ))}
      {s.lines.map((l) => (
        <>
          <h3>{l.question}</h3>
          <p>{l.text}</p>
        </>
      ))}
    </section>
  );
}
