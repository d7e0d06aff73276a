import type { PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, SelectField } from '../../../platform/ui/fields';
import { Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { CASE_STATUSES, type Scope } from '../domain';
import type { ListFilter } from '../repository-list';
import type { CaseListPage } from '../service-list';
import { caseStatusLabel, casesBase, DeadlineText } from './common';

/** The list's address with these filters (and a page's start). */
export function listHref(ctx: PageContext, f: ListFilter, over: Partial<ListFilter> = {}): string {
  const v = { ...f, ...over };
  const q = new URLSearchParams({ scope: v.scope, status: v.status });
  if (v.dueSoon) q.set('due', '1');
  if (v.q) q.set('q', v.q);
  if (v.after) q.set('after', v.after);
  return `${casesBase(ctx)}?${q.toString()}`;
}

function Tabs(props: { ctx: PageContext; data: CaseListPage }) {
  const { ctx, data } = props;
  const scopes: Scope[] = ['mine', ...(data.supervises ? (['team'] as const) : []), ...(data.seesAll ? (['all'] as const) : [])];
  if (scopes.length === 1) return null;
  return (
    <nav aria-label={ctx.i18n.t('cases.list.tabs')}>
      <ul class="links">
        {scopes.map((s) => (
          <li>
            <a href={listHref(ctx, data.filter, { scope: s, after: null })} aria-current={data.filter.scope === s ? 'page' : undefined}>
              {data.filter.scope === s ? <strong>{ctx.i18n.t(`cases.list.scope.${s}`)}</strong> : ctx.i18n.t(`cases.list.scope.${s}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * "Moje" with nothing in it, for a team leader or a director who coordinates no case of their own
 * (the demo's team leader lands here from the menu): the empty table is not a dead end but points to
 * the team's cases, or to all of them (walk-through of issue 14).
 */
function EmptyMineNextStep(props: { ctx: PageContext; data: CaseListPage }) {
  const { ctx, data } = props;
  if (data.rows.length > 0 || data.filter.scope !== 'mine' || data.filter.after) return null;
  const other: Scope | null = data.supervises ? 'team' : data.seesAll ? 'all' : null;
  if (!other) return null;
  return (
    <p class="empty-next">
      {ctx.i18n.t('cases.list.empty_mine')}{' '}
      <a href={listHref(ctx, data.filter, { scope: other, after: null })}>{ctx.i18n.t(`cases.list.empty_see_${other}`)}</a>
    </p>
  );
}

/** The coordinator's case list: tabs, filters, 50 cases a page by keyset (this read is audited). */
export function CaseListView(props: { ctx: PageContext; data: CaseListPage; canConfigure: boolean }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const f = data.filter;
  const form = { values: { status: f.status, due: f.dueSoon ? '1' : '', q: f.q }, errors: {} };
  return (
    <PageLayout ctx={ctx} title={t('cases.list.title')}>
      <p>{t('cases.list.intro')}</p>
      <p>
        <a href={`${casesBase(ctx)}/new`}>{t('cases.open.from_application')}</a>
      </p>
      {props.canConfigure ? (
        <p>
          <a href={`${casesBase(ctx)}/teams`}>{t('cases.list.settings')}</a>
        </p>
      ) : null}
      <Tabs ctx={ctx} data={data} />
      <Form ctx={ctx} action={casesBase(ctx)} method="get" class="filters">
        <input type="hidden" name="scope" value={f.scope} />
        <SelectField ctx={ctx} form={form} name="status" label={t('cases.list.status')} options={CASE_STATUSES.map((s) => ({ value: s, label: caseStatusLabel(ctx, s) }))} />
        <InputField ctx={ctx} form={form} name="q" label={t('cases.list.q')} hint={t('cases.list.q_hint')} />
        <Checkbox ctx={ctx} form={form} name="due" label={t('cases.list.due')} />
        <button type="submit" class="secondary">
          {t('cases.list.apply')}
        </button>
      </Form>
      <p class="muted">{t('cases.audited')}</p>
      <Table
        id="cases"
        caption={t('cases.list.title')}
        captionHidden
        rows={data.rows}
        empty={t('cases.list.empty')}
        columns={[
          { header: t('cases.col.number'), rowHeader: true, cell: (c) => <a href={`${casesBase(ctx)}/${c.id}`}>{c.number}</a> },
          {
            header: t('cases.col.person'),
            cell: (c) => (
              <>
                {c.person_name}
                {c.birth_year !== null ? (
                  <>
                    <br />
                    <span class="muted">{t('cases.born', { year: c.birth_year })}</span>
                  </>
                ) : null}
              </>
            ),
          },
          {
            header: t('cases.col.coordinator'),
            cell: (c) => (
              <>
                {c.coordinator_name}
                {c.team_name ? <span class="muted"> ({c.team_name})</span> : null}
              </>
            ),
          },
          { header: t('cases.col.status'), cell: (c) => caseStatusLabel(ctx, c.status) },
          { header: t('cases.col.deadline'), cell: (c) => <DeadlineText ctx={ctx} c={c} /> },
          { header: t('cases.col.opened'), cell: (c) => ctx.i18n.date(c.opened_at) },
        ]}
      />
      <EmptyMineNextStep ctx={ctx} data={data} />
      {data.next || f.after ? (
        <nav class="pager" aria-label={t('cases.list.pages')}>
          {f.after ? <a href={listHref(ctx, f, { after: null })}>{t('cases.list.first')}</a> : null}
          {data.next ? (
            <a href={listHref(ctx, f, { after: data.next })} rel="next">
              {t('cases.list.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </PageLayout>
  );
}
