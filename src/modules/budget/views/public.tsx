import { BarChart } from '../../../platform/ui/bar-chart';
import type { PageContext } from '../../../platform/ui/context';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { votingPeriod, type CostLine, type EditionRow, type PoolRow, type ProjectRow } from '../domain';
import type { ProjectResult } from '../rules';
import type { EditionView, PoolResult } from '../service-results';
import { ballotText, budgetBase, periodOf, phaseName, projectTitle, reasonText, ruleText, zl } from './common';

export function EditionsPage(props: { ctx: PageContext; list: (EditionRow & { voting_ends_at: Date | null })[]; staff?: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('budget.title')}>
      <h1>{t('budget.title')}</h1>
      <p>{t('budget.intro')}</p>
      {props.staff ? (
        <p>
          <a href={`${budgetBase(ctx)}/nowa-edycja`}>{t('budget.edition.link')}</a>
        </p>
      ) : null}
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('budget.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((e) => (
            <li class="result">
              <h2>
                <a href={`${budgetBase(ctx)}/${e.id}`}>{e.name}</a>
              </h2>
              <p>{t('budget.year', { year: e.year })}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function EditionPage(props: { ctx: PageContext; view: EditionView; canCount: boolean }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const e = view.edition;
  const base = `${budgetBase(ctx)}/${e.id}`;
  const voting = votingPeriod(view.phases);
  return (
    <PageLayout ctx={ctx} title={e.name} back={{ href: budgetBase(ctx), label: t('budget.back') }}>
      <p>{t('budget.now', { phase: phaseName(ctx, view.phase) })}</p>
      <ul class="links">
        <li>
          <a href={`${base}/wnioski`}>{t('budget.proposals.link')}</a>
        </li>
        {view.phase === 'voting' ? (
          <li>
            <a href={`${base}/glosuj`}>{t('budget.vote_now')}</a>
          </li>
        ) : null}
        {view.closed ? (
          <li>
            <a href={`${base}/wyniki`}>{t('budget.results_link')}</a>
          </li>
        ) : null}
        {props.canCount && view.phase === 'voting' ? (
          <li>
            <a href={`${base}/karty`}>{t('budget.paper.link')}</a>
          </li>
        ) : null}
      </ul>
      {!view.closed && voting ? <p>{t('budget.results_soon', { date: ctx.i18n.dateTime(voting.ends_at) })}</p> : null}
      <dl class="facts">
        <dt>{t('budget.ballot')}</dt>
        <dd>{ballotText(ctx, e)}</dd>
        <dt>{t('budget.rule')}</dt>
        <dd>{ruleText(ctx, e)}</dd>
      </dl>
      {view.phases.length ? (
        <>
          <h2>{t('budget.phases')}</h2>
          <dl class="facts">
            {view.phases.map((p) => (
              <>
                <dt>{phaseName(ctx, p.phase)}</dt>
                <dd>{periodOf(ctx, p)}</dd>
              </>
            ))}
          </dl>
        </>
      ) : null}
      <h2>{t('budget.pools')}</h2>
      {view.pools.map((pool) => (
        <PoolSection ctx={ctx} pool={pool} projects={view.projects.filter((p) => p.pool_id === pool.id)} ballots={view.ballots.get(pool.id) ?? 0} showBallots={view.closed} />
      ))}
    </PageLayout>
  );
}

function PoolSection(props: { ctx: PageContext; pool: PoolRow; projects: ProjectRow[]; ballots: number; showBallots: boolean }) {
  const { ctx, pool } = props;
  const { t } = ctx.i18n;
  return (
    <section aria-labelledby={`pool-${pool.id}`}>
      <h3 id={`pool-${pool.id}`}>
        {pool.name} ({t(`budget.pool.${pool.kind}`)})
      </h3>
      <p>
        {t('budget.pool.budget', { amount: zl(ctx, pool.budget) })}
        {props.showBallots ? ` · ${t('budget.pool.ballots', { count: props.ballots })}` : ''}
      </p>
      {pool.residents ? <p>{t('budget.pool.threshold', { count: Math.floor(pool.residents / 1000), residents: pool.residents })}</p> : null}
      {props.projects.length === 0 ? (
        <p class="admin-empty">{t('budget.projects_empty')}</p>
      ) : (
        <ul>
          {props.projects.map((p) => (
            <li>
              <a href={`${budgetBase(ctx)}/projekty/${p.id}`}>{projectTitle(p)}</a> — {zl(ctx, p.cost)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ResultsPage(props: { ctx: PageContext; view: EditionView; results: PoolResult[] }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const e = view.edition;
  const base = `${budgetBase(ctx)}/${e.id}`;
  return (
    <PageLayout ctx={ctx} title={t('budget.results.title', { name: e.name })} back={{ href: base, label: t('budget.back_edition') }}>
      <p>{t('budget.results.rule', { rule: ruleText(ctx, e) })}</p>
      <ul class="links">
        <li>
          <a href={`${base}/wyniki.csv`}>{t('budget.results.csv')}</a>
        </li>
        {props.results.map((r) => (
          <li>
            <a href={`${base}/pule/${r.pool.id}.pb`}>{t('budget.results.pb', { pool: r.pool.name })}</a>
          </li>
        ))}
      </ul>
      {props.results.map((r) => (
        <PoolResults ctx={ctx} edition={e} result={r} />
      ))}
    </PageLayout>
  );
}

function PoolResults(props: { ctx: PageContext; edition: EditionRow; result: PoolResult }) {
  const { ctx, edition, result } = props;
  const { t } = ctx.i18n;
  const byId = new Map(result.projects.map((p) => [p.id, p]));
  const rows = [...result.outcome.projects].sort((a, b) => b.score - a.score || a.cost - b.cost);
  const titleId = `chart-${result.pool.id}`;
  const name = (r: ProjectResult) => byId.get(r.id)?.title ?? r.id;
  return (
    <section aria-labelledby={`results-${result.pool.id}`}>
      <h2 id={`results-${result.pool.id}`}>
        {result.pool.name} ({t(`budget.pool.${result.pool.kind}`)})
      </h2>
      <p>{t('budget.results.spent', { spent: zl(ctx, result.outcome.spent), budget: zl(ctx, result.pool.budget) })}</p>
      <Table
        id={`table-${result.pool.id}`}
        caption={t('budget.results.table', { pool: result.pool.name })}
        rows={rows}
        empty={t('budget.projects_empty')}
        columns={[
          { header: t('budget.results.col.project'), rowHeader: true, cell: (r) => <a href={`${budgetBase(ctx)}/projekty/${r.id}`}>{name(r)}</a> },
          { header: t('budget.results.col.score'), numeric: true, cell: (r) => String(r.score) },
          { header: t('budget.results.col.votes'), numeric: true, cell: (r) => String(r.votes) },
          { header: t('budget.results.col.cost'), numeric: true, cell: (r) => zl(ctx, r.cost) },
          { header: t('budget.results.col.selected'), cell: (r) => (r.selected ? t('budget.results.yes') : t('budget.results.no')) },
          { header: t('budget.results.col.why'), cell: (r) => reasonText(ctx, r, edition) },
        ]}
      />
      {rows.length ? (
        <>
          <h3 id={titleId}>{t('budget.results.chart', { pool: result.pool.name })}</h3>
          <BarChart
            titleId={titleId}
            labelWidth={220}
            groups={[{ title: '', bars: rows.slice(0, 30).map((r) => ({ label: name(r).slice(0, 32), value: r.score })) }]}
            summary={t('budget.results.chart_summary', { list: rows.map((r) => `${name(r)}: ${r.score}`).join('; ') })}
          />
        </>
      ) : null}
    </section>
  );
}

export function ProjectPage(props: { ctx: PageContext; project: ProjectRow; edition: EditionRow; pool: PoolRow; lines: CostLine[]; result: ProjectResult | null }) {
  const { ctx, project, edition, pool, result } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={project.title} back={{ href: `${budgetBase(ctx)}/${edition.id}`, label: t('budget.back_edition') }}>
      <dl class="facts">
        <dt>{t('budget.project.edition')}</dt>
        <dd>{edition.name}</dd>
        <dt>{t('budget.project.pool')}</dt>
        <dd>{pool.name}</dd>
        {project.external_id ? (
          <>
            <dt>{t('budget.project.external_id')}</dt>
            <dd>{project.external_id}</dd>
          </>
        ) : null}
        {project.place ? (
          <>
            <dt>{t('budget.project.place')}</dt>
            <dd>{project.place}</dd>
          </>
        ) : null}
        <dt>{t('budget.project.cost')}</dt>
        <dd>{zl(ctx, project.cost)}</dd>
        {result ? (
          <>
            <dt>{t('budget.project.result')}</dt>
            <dd>
              {t('budget.results.col.score')}: {result.score}; {reasonText(ctx, result, edition)}
            </dd>
          </>
        ) : null}
      </dl>
      {project.description ? <p class="prewrap">{project.description}</p> : null}
      {props.lines.length ? (
        <Table
          id="cost-lines"
          caption={t('budget.project.cost_lines')}
          rows={props.lines}
          empty=""
          columns={[
            { header: t('budget.project.cost_line'), rowHeader: true, cell: (l) => l.item },
            { header: t('budget.project.amount'), numeric: true, cell: (l) => zl(ctx, l.amount) },
          ]}
        />
      ) : null}
    </PageLayout>
  );
}

