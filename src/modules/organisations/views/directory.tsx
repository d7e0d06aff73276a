import type { FormState, PageContext } from '../../../platform/ui/context';
import { SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, TextField } from '../../../platform/ui/forms';
import { Layout } from '../../../platform/ui/layout';
import type { DirectoryRow } from '../repository-directory';
import { PAGE_SIZE, type DirectoryFilter, type DirectoryResults } from '../service-directory';
import { kindLabel, kindOptions, organisationsBase, sphereLabel, sphereOptions } from './common';

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

function Pager(props: { ctx: PageContext; filter: DirectoryFilter; page: number; pages: number }) {
  const { ctx, filter, page, pages } = props;
  const { t } = ctx.i18n;
  if (pages <= 1) return null;
  const base = organisationsBase(ctx);
  const shown = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  return (
    <nav class="pager" aria-label={t('organisations.directory.pages')}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={base + filterQuery(filter, page - 1)} rel="prev">
              {t('organisations.directory.prev')}
            </a>
          </li>
        ) : null}
        {shown.map((n, i) => (
          <>
            {i > 0 && n - shown[i - 1]! > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              <a href={base + filterQuery(filter, n)} aria-current={n === page ? 'page' : undefined} aria-label={t('organisations.directory.page_n', { page: n })}>
                {n}
              </a>
            </li>
          </>
        ))}
        {page < pages ? (
          <li>
            <a href={base + filterQuery(filter, page + 1)} rel="next">
              {t('organisations.directory.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
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
      <Pager ctx={ctx} filter={filter} page={results.page} pages={results.pages} />
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
