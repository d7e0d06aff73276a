import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, TextField, fieldId } from '../../../platform/ui/forms';
import { Layout } from '../../../platform/ui/layout';
import { AREAS, TARGET_GROUPS } from '../domain';
import { ANY_WORD_LIMIT, PAGE_SIZE, type CatalogueFilter, type CatalogueView, type Reason, type SearchResult } from '../public-service';
import { feeLabel } from './public-format';
import { Flag, SelectField } from './search-fields';
import { Pager, type PagerLabels } from '../../../platform/ui/pager';

/** The filter as a query string (only what is set), for page links that keep it. */
export function filterQuery(f: CatalogueFilter, page = 1): string {
  const params = new URLSearchParams();
  if (f.q) params.set('q', f.q);
  if (f.area) params.set('area', f.area);
  if (f.group) params.set('group', f.group);
  if (f.location) params.set('location', f.location);
  if (f.place) params.set('place', f.place);
  if (f.free) params.set('free', '1');
  if (f.openNow) params.set('open_now', '1');
  if (f.stepFree) params.set('step_free', '1');
  if (f.exact) params.set('exact', '1');
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function reasonText(ctx: PageContext, r: Reason): string {
  const { t } = ctx.i18n;
  switch (r.kind) {
    case 'name':
      return t('directory.why.name', { words: r.words });
    case 'text':
      return t('directory.why.text');
    case 'area':
      return t('directory.why.area', { area: t(`area.${r.area}`) });
    case 'group':
      return t('directory.why.group', { groups: r.groups.map((g) => t(`group.${g}`)).join(', ') });
    case 'free':
      return t('directory.why.free');
    case 'location':
      return t('directory.why.location', { name: r.name });
    case 'open_now':
      return t('directory.why.open_now', { name: r.name, until: r.until });
    case 'step_free':
      return t('directory.why.step_free', { name: r.name });
  }
}

function Result(props: { ctx: PageContext; row: SearchResult }) {
  const { ctx, row } = props;
  const { t } = ctx.i18n;
  return (
    <li class="result">
      <h3>
        <a href={`/${ctx.municipality!.slug}/services/${row.id}`}>{row.name}</a>
      </h3>
      {row.summary ? <p>{row.summary}</p> : null}
      <dl class="facts">
        <dt>{t('directory.area')}</dt>
        <dd>{t(`area.${row.area}`)}</dd>
        <dt>{t('directory.fee')}</dt>
        <dd>{feeLabel(ctx.i18n, row.fee_kind, row.fee_amount)}</dd>
        <dt>{t('directory.provider')}</dt>
        <dd>{row.provider_name}</dd>
        {row.target_groups.length ? (
          <>
            <dt>{t('directory.groups')}</dt>
            <dd>{row.target_groups.map((g) => t(`group.${g}`)).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {row.reasons.length ? (
        <p class="why">
          <span class="why-label">{t('directory.why')}</span>{' '}
          {row.reasons.map((r, i) => (
            <>
              {i > 0 ? '; ' : ''}
              <span class="why-item">{reasonText(ctx, r)}</span>
            </>
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** The pager's wording of this list. */
function pagerLabels(ctx: PageContext): PagerLabels {
  const { t } = ctx.i18n;
  return { nav: t('directory.pages'), prev: t('directory.prev'), next: t('directory.next'), page: (n) => t('directory.page_n', { page: n }) };
}

function Results(props: { ctx: PageContext; filter: CatalogueFilter; results: NonNullable<CatalogueView['results']> }) {
  const { ctx, filter, results } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const from = (results.page - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('directory.results')}</h2>
      <p role="status" class="result-count">
        {t('directory.found', { count: results.total })}
        {filter.q ? ` ${t('directory.found_for', { q: filter.q })}` : ''}.
        {results.rows.length > 0 && results.pages > 1
          ? ` ${t('directory.shown', { from, to: from + results.rows.length - 1, total: results.total })}`
          : ''}
      </p>
      {results.corrected ? (
        <p class="notice search-corrected">
          {t('directory.corrected')} <a href={`/${slug}/services${filterQuery({ ...filter, q: results.corrected })}`}><strong>{results.corrected}</strong></a>.{' '}
          {t('directory.exact')} <a href={`/${slug}/services${filterQuery({ ...filter, exact: true })}`}>{filter.q}</a>.
        </p>
      ) : null}
      {results.partial ? <p class="notice search-partial">{t('directory.partial', { limit: ANY_WORD_LIMIT })}</p> : null}
      {results.total === 0 ? (
        <div class="notice empty-state">
          <p>{t('directory.empty')}</p>
          <p>{t('directory.empty_hint')}</p>
          <ul>
            <li>
              <a href={`/${slug}/services`}>{t('directory.empty_clear')}</a>
            </li>
            <li>
              <a href={`/${slug}/check`}>{t('directory.empty_check')}</a>
            </li>
          </ul>
        </div>
      ) : results.rows.length === 0 ? (
        <p>
          {t('directory.page_empty')} <a href={`/${slug}/services${filterQuery(filter)}`}>{t('directory.first_page')}</a>
        </p>
      ) : (
        <ol class="results" start={from}>
          {results.rows.map((row) => (
            <Result ctx={ctx} row={row} />
          ))}
        </ol>
      )}
      <Pager page={results.page} pages={results.pages} href={(n) => `/${ctx.municipality!.slug}/services` + filterQuery(filter, n)} labels={pagerLabels(ctx)} />
    </section>
  );
}

export function SearchPage(props: { ctx: PageContext; form: FormState; filter: CatalogueFilter; view: CatalogueView }) {
  const { ctx, form, view } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const labels = {
    q: t('directory.search_label'),
    area: t('directory.field.area'),
    group: t('directory.field.group'),
    location: t('directory.field.location'),
    place: t('directory.field.place'),
    free: t('directory.free'),
    open_now: t('directory.open_now'),
    step_free: t('directory.step_free'),
  };
  return (
    <Layout ctx={ctx} title={t('directory.title')} description={t('meta.description_catalogue', { municipality: ctx.municipality?.name ?? '' })}>
      <h1>{t('directory.title')}</h1>
      <p class="lead">{t('directory.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form method="get" action={`/${slug}/services`} class="directory-search" role="search" aria-label={t('directory.title')} novalidate>
        <TextField ctx={ctx} form={form} name="q" type="search" label={labels.q} hint={t('directory.search_hint')} />
        <fieldset class="directory-filters">
          <legend>{t('directory.filters')}</legend>
          <div class="filters">
            <SelectField ctx={ctx} form={form} name="area" label={labels.area} empty={t('directory.any')} options={AREAS.map((a) => ({ value: a, label: t(`area.${a}`) }))} />
            <SelectField ctx={ctx} form={form} name="group" label={labels.group} empty={t('directory.any')} options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))} />
            {view.locations ? (
              <SelectField
                ctx={ctx}
                form={form}
                name="location"
                label={labels.location}
                empty={t('directory.any_place')}
                options={view.locations.map((l) => ({ value: l.id, label: `${l.name}, ${l.street}` }))}
              />
            ) : (
              <TextField ctx={ctx} form={form} name="place" label={labels.place} hint={t('directory.place_hint')} />
            )}
          </div>
          <fieldset class="field" id={fieldId('only')}>
            <legend>{t('directory.only')}</legend>
            <Flag ctx={ctx} form={form} name="free" label={labels.free} />
            <Flag ctx={ctx} form={form} name="open_now" label={labels.open_now} />
            <Flag ctx={ctx} form={form} name="step_free" label={labels.step_free} />
          </fieldset>
        </fieldset>
        <p class="actions">
          <button type="submit">{t('directory.submit')}</button> <a href={`/${slug}/services`}>{t('directory.clear')}</a>
        </p>
      </form>
      {view.results ? <Results ctx={ctx} filter={props.filter} results={view.results} /> : null}
    </Layout>
  );
}
