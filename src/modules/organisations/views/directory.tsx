import type { FormState, PageContext } from '../../../platform/ui/context';
import { SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, TextField } from '../../../platform/ui/forms';
import { Layout } from '../../../platform/ui/layout';
import type { DirectoryRow } from '../repository-directory';
import { PAGE_SIZE, type DirectoryFilter, type DirectoryResults } from '../service-directory';
import { kindLabel, kindOptions, organisationsBase, sphereLabel, sphereOptions } from './common';
import { Pager, type PagerLabels } from '../../../platform/ui/pager';

/** The filter as a query string (only what is set), for page links that keep it. */
export function filterQuery(f: DirectoryFilter, page = 1): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.sphere) params.set('sphere', f.sphere);
  if (f.kind) params.set('kind', f.kind);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function Result(props: { ctx: PageContext; row: DirectoryRow }) {
  const { ctx, row } = props;
  const { t } = ctx.i18n;
  return (
    <li class="result">
      <h3>
        <a href={`${organisationsBase(ctx)}/${row.id}`}>{row.name}</a>
      </h3>
      {row.summary ? <p>{row.summary.length >= 280 ? `${row.summary.trimEnd()}…` : row.summary}</p> : null}
      <dl class="facts">
        <dt>{t('organisations.directory.kind')}</dt>
        <dd>{kindLabel(ctx, row.kind)}</dd>
        {row.city ? (
          <>
            <dt>{t('organisations.directory.city')}</dt>
            <dd>{row.city}</dd>
          </>
        ) : null}
      </dl>
      <p class="why">
        <span class="why-label">{t('organisations.directory.spheres')}:</span> {row.spheres.map((s) => sphereLabel(ctx, s)).join('; ')}
      </p>
    </li>
  );
}

/** The pager's wording of this list. */
function pagerLabels(ctx: PageContext): PagerLabels {
  const { t } = ctx.i18n;
  return { nav: t('organisations.directory.pages'), prev: t('organisations.directory.prev'), next: t('organisations.directory.next'), page: (n) => t('organisations.directory.page_n', { page: n }) };
}

function Results(props: { ctx: PageContext; filter: DirectoryFilter; results: DirectoryResults }) {
  const { ctx, filter, results } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  const from = (results.page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('organisations.directory.results')}</h2>
      <p role="status" class="result-count">
        {t('organisations.directory.found', { count: results.total })}
        {filter.q ? ` ${t('organisations.directory.found_for', { q: filter.q })}` : ''}.
        {results.rows.length > 0 && results.pages > 1
          ? ` ${t('organisations.directory.shown', { from, to: from + results.rows.length - 1, total: results.total })}`
          : ''}
      </p>
      {results.total === 0 ? (
        <div class="notice empty-state">
          <p>{t('organisations.directory.empty')}</p>
          <p>{t('organisations.directory.empty_hint')}</p>
          <ul>
            <li>
              <a href={base}>{t('organisations.directory.empty_clear')}</a>
            </li>
          </ul>
        </div>
      ) : results.rows.length === 0 ? (
        <p>
          {t('organisations.directory.page_empty')} <a href={base + filterQuery(filter)}>{t('organisations.directory.first_page')}</a>
        </p>
      ) : (
        <ol class="results" start={from}>
          {results.rows.map((row) => (
            <Result ctx={ctx} row={row} />
          ))}
        </ol>
      )}
      <Pager page={results.page} pages={results.pages} href={(n) => organisationsBase(ctx) + filterQuery(filter, n)} labels={pagerLabels(ctx)} />
    </section>
  );
}

export function DirectoryPage(props: { ctx: PageContext; form: FormState; filter: DirectoryFilter; results?: DirectoryResults }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  const labels = { q: t('organisations.directory.search_label'), sphere: t('organisations.directory.field.sphere'), kind: t('organisations.directory.field.kind'), page: t('organisations.directory.pages') };
  const any = t('organisations.directory.any');
  return (
    <Layout ctx={ctx} title={t('organisations.directory.title')}>
      <h1>{t('organisations.directory.title')}</h1>
      <p class="lead">{t('organisations.directory.intro')}</p>
      <ul class="links">
        <li>
          <a href={`${base}/register`}>{t('organisations.directory.register')}</a>
        </li>
        {ctx.user ? (
          <li>
            <a href={`${base}/mine`}>{t('organisations.directory.mine')}</a>
          </li>
        ) : null}
      </ul>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action={base} class="directory-search" role="search" aria-label={t('organisations.directory.title')} novalidate>
        <TextField ctx={ctx} form={form} name="q" type="search" label={labels.q} hint={t('organisations.directory.search_hint')} />
        <div class="filters">
          <SelectField ctx={ctx} form={form} name="sphere" label={labels.sphere} placeholder={any} options={sphereOptions(ctx)} />
          <SelectField ctx={ctx} form={form} name="kind" label={labels.kind} placeholder={any} options={kindOptions(ctx)} />
        </div>
        <p class="actions">
          <button type="submit">{t('organisations.directory.submit')}</button> <a href={base}>{t('organisations.directory.clear')}</a>
        </p>
      </form>
      {props.results ? <Results ctx={ctx} filter={props.filter} results={props.results} /> : null}
    </Layout>
  );
}
