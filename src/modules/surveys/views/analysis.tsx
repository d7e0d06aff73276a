import type { ComponentChildren } from 'preact';
import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { BarChart } from '../../../platform/ui/bar-chart';
import { CHOICE_KINDS } from '../domain';
import type { SurveyAnalysis } from '../analysis';
import { questionText, surveysBase, title } from './questions';

/** Frequencies (table + bar chart), numbers, a cross-tabulation of two chosen questions, trends; counts under the minimum read "<n". */
export function AnalysisPage(props: { ctx: PageContext; data: SurveyAnalysis; pair: { a?: string; b?: string } }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const base = `${surveysBase(ctx)}/${data.survey.id}`;
  const choiceQuestions = data.questions.filter((q) => CHOICE_KINDS.includes(q.kind));
  const query = data.cross ? `?a=${data.cross.a.key}&b=${data.cross.b.key}` : '';
  return (
    <PageLayout2 ctx={ctx} title={`${t('surveys.analysis.title')}: ${title(ctx, data.survey)}`} back={`${base}/pytania`}>
      <p>{t('surveys.analysis.summary', { count: data.responses, min: data.survey.min_cell })}</p>
      <p>
        <a href={`${base}/analiza.csv${query}`}>{t('surveys.analysis.csv')}</a>
      </p>
      <h2>{t('surveys.analysis.frequencies')}</h2>
      {data.frequencies.map((f, i) => (
        <section>
          <h3 id={`freq-${i}`}>{questionText(ctx, f.question)}</h3>
          <BarChart
            titleId={`freq-${i}`}
            summary={f.rows.map((r) => `${r.label ? `${r.label}: ` : ''}${r.cells.map((c) => `${c.label} — ${c.cell.shown}`).join('; ')}`).join('. ')}
            groups={f.rows.map((r) => ({ title: r.label, bars: r.cells.map((c) => ({ label: c.label.slice(0, 24), value: c.cell.suppressed ? 0 : c.cell.n, text: c.cell.shown })) }))}
          />
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={`freq-${i}`}>
            <table>
              <caption>{questionText(ctx, f.question)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.csv.answer')}</th>
                  {f.rows.map((r) => (
                    <th scope="col">{r.label || t('surveys.csv.count')}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {f.rows[0]!.cells.map((c, j) => (
                  <tr>
                    <th scope="row">{c.label}</th>
                    {f.rows.map((r) => (
                      <td>{r.cells[j]!.cell.shown}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {data.numbers.length > 0 ? (
        <>
          <h2>{t('surveys.analysis.numbers')}</h2>
          <ul>
            {data.numbers.map((n) => (
              <li>{t('surveys.analysis.number_line', { question: questionText(ctx, n.question), count: n.shown, min: n.min, mean: n.mean, max: n.max })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {data.texts.length > 0 ? (
        <>
          <h2>{t('surveys.analysis.texts')}</h2>
          <ul>
            {data.texts.map((x) => (
              <li>{`${questionText(ctx, x.question)}: ${x.shown}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 id="cross">{t('surveys.analysis.cross')}</h2>
      <form method="get" action={`${base}/analiza`}>
        {(['a', 'b'] as const).map((name) => (
          <div class="field">
            <label for={`f-${name}`}>{t(`surveys.analysis.cross_${name}`)}</label>
            <select id={`f-${name}`} name={name}>
              {choiceQuestions.map((q) => (
                <option value={q.key} selected={props.pair[name] === q.key}>
                  {questionText(ctx, q)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit">{t('surveys.analysis.cross_show')}</button>
      </form>
      {data.cross ? (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="cross-caption">
          <table>
            <caption id="cross-caption">{`${questionText(ctx, data.cross.a)} × ${questionText(ctx, data.cross.b)}`}</caption>
            <thead>
              <tr>
                <td />
                {data.cross.columns.map((c) => (
                  <th scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.cross.rows.map((r) => (
                <tr>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c) => (
                    <td>{c.shown}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data.trends.length > 0 ? <h2>{t('surveys.analysis.trends')}</h2> : null}
      {data.trends.map((tr) => (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={questionText(ctx, tr.question)}>
          <table>
            <caption>{questionText(ctx, tr.question)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.analysis.survey')}</th>
                {tr.surveys[0]!.cells.map((c) => (
                  <th scope="col">{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tr.surveys.map((s) => (
                <tr>
                  <th scope="row">{`${s.title} (${ctx.i18n.date(s.opens_at)})`}</th>
                  {s.cells.map((c) => (
                    <td>{c.cell.shown}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </PageLayout2>
  );
}

function PageLayout2(props: { ctx: PageContext; title: string; back: string; children: ComponentChildren }) {
  return (
    <PageLayout ctx={props.ctx} title={props.title} back={{ href: props.back, label: props.ctx.i18n.t('surveys.analysis.back') }}>
      {props.children}
    </PageLayout>
  );
}
