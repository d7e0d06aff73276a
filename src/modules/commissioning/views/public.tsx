import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { SelectField } from '../../../platform/ui/fields';
import { Form } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { acceptsOffers, formatPercent, offerSums, type CallRow } from '../domain';
import type { callView } from '../service';
import { callStatusLabel, grantsBase, sphereLabel, zl } from './common';

export function CallsPage(props: { ctx: PageContext; list: CallRow[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const api = `/api/${ctx.municipality!.slug}/grants`;
  return (
    <Layout ctx={ctx} title={t('commissioning.title')}>
      <h1>{t('commissioning.title')}</h1>
      <p>{t('commissioning.intro')}</p>
      {props.staff ? (
        <ul class="links">
          <li>
            <a href={`${base}/calls/new`}>{t('commissioning.new')}</a>
          </li>
        </ul>
      ) : null}
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('commissioning.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((c) => (
            <li class="result">
              <h2>
                <a href={`${base}/calls/${c.id}`}>{c.title}</a>
              </h2>
              <p>
                {t('commissioning.call.number', { number: c.number })} · {callStatusLabel(ctx, c)} · {t('commissioning.call.closes', { when: ctx.i18n.dateTime(c.offers_close_at) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${api}/360giving.json`}>360Giving JSON</a> · <a href={`${base}/grants.csv`}>CSV</a> · <a href={`${base}/grants.xlsx`}>XLSX</a>
      </p>
    </Layout>
  );
}

type View = Awaited<ReturnType<typeof callView>>;

export function CallFacts(props: { ctx: PageContext; c: CallRow; services: { id: string; name: string }[] }) {
  const { ctx, c } = props;
  const { t } = ctx.i18n;
  return (
    <dl class="facts">
      <dt>{t('commissioning.fact.status')}</dt>
      <dd>{callStatusLabel(ctx, c)}</dd>
      <dt>{t('commissioning.fact.sphere')}</dt>
      <dd>{sphereLabel(ctx, c.sphere)}</dd>
      <dt>{t('commissioning.fact.total')}</dt>
      <dd>{zl(ctx, c.total_amount)}</dd>
      <dt>{t('commissioning.fact.ceiling')}</dt>
      <dd>{zl(ctx, c.grant_ceiling)}</dd>
      <dt>{t('commissioning.fact.own')}</dt>
      <dd>{t('commissioning.percent', { value: formatPercent(c.min_own_basis_points) })}</dd>
      {c.published_at ? (
        <>
          <dt>{t('commissioning.fact.published')}</dt>
          <dd>{ctx.i18n.dateTime(c.published_at)}</dd>
        </>
      ) : null}
      <dt>{t('commissioning.fact.closes')}</dt>
      <dd>{ctx.i18n.dateTime(c.offers_close_at)}</dd>
      {props.services.length > 0 ? (
        <>
          <dt>{t('commissioning.fact.services')}</dt>
          <dd>{props.services.map((s) => s.name).join(', ')}</dd>
        </>
      ) : null}
      {c.criteria.length > 0 ? (
        <>
          <dt>{t('commissioning.fact.criteria')}</dt>
          <dd>{c.criteria.map((k) => `${k.name} (${k.weight})`).join('; ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function CallPage(props: { ctx: PageContext; view: View; staff: boolean; startForm: FormState }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const c = view.call;
  const base = grantsBase(ctx);
  const open = acceptsOffers(c, new Date());
  return (
    <PageLayout ctx={ctx} title={c.title} back={{ href: base, label: t('commissioning.back') }}>
      <p>{t('commissioning.call.number', { number: c.number })}</p>
      {props.staff ? (
        <ul class="links">
          {c.status !== 'resolved' ? (
            <li>
              <a href={`${base}/calls/${c.id}/edit`}>{t('commissioning.manage.edit')}</a>
            </li>
          ) : null}
          <li>
            <a href={`${base}/calls/${c.id}/offers`}>{t('commissioning.manage.link')}</a>
          </li>
        </ul>
      ) : null}
      <CallFacts ctx={ctx} c={c} services={view.services} />
      <h2>{t('commissioning.fact.tasks')}</h2>
      <p class="prewrap">{c.tasks}</p>
      {c.rules ? (
        <>
          <h2>{t('commissioning.fact.rules')}</h2>
          <p class="prewrap">{c.rules}</p>
        </>
      ) : null}
      <Table
        id="history"
        caption={t('commissioning.history.title')}
        columns={[
          { header: t('commissioning.history.year'), cell: (r) => String(r.year), rowHeader: true },
          { header: t('commissioning.history.calls'), cell: (r) => String(r.calls), numeric: true },
          { header: t('commissioning.history.grants'), cell: (r) => String(r.grants), numeric: true },
          { header: t('commissioning.history.amount'), cell: (r) => zl(ctx, r.amount), numeric: true },
        ]}
        rows={view.history}
        empty={t('commissioning.history.empty')}
      />
      {view.myOffers.length > 0 ? (
        <>
          <h2>{t('commissioning.offer.mine_here')}</h2>
          <ul>
            {view.myOffers.map((o) => (
              <li>
                <a href={`${base}/offers/${o.id}`}>{o.title || t('commissioning.offer.untitled')}</a> — {o.organisation_name}, {t(`commissioning.offer_status.${o.status}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {open && ctx.user ? (
        view.myOrganisations.length > 0 ? (
          <Form ctx={ctx} action={`${base}/calls/${c.id}/offers/new`}>
            <h2>{t('commissioning.offer.start')}</h2>
            <SelectField
              ctx={ctx}
              form={props.startForm}
              name="organisation_id"
              label={t('commissioning.offer.start_for')}
              hint={t('commissioning.offer.start_hint')}
              required
              options={view.myOrganisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <p>
              <button type="submit">{t('commissioning.offer.start')}</button>
            </p>
          </Form>
        ) : (
          <p>{t('commissioning.offer.no_organisation')}</p>
        )
      ) : null}
      {c.status === 'resolved' ? <Results ctx={ctx} view={view} /> : null}
    </PageLayout>
  );
}

export function Results(props: { ctx: PageContext; view: View }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Table
      id="results"
      caption={t('commissioning.results.title')}
      columns={[
        { header: t('commissioning.results.offeror'), cell: (o) => o.organisation_name, rowHeader: true },
        { header: t('commissioning.results.offer'), cell: (o) => o.title },
        { header: t('commissioning.results.requested'), cell: (o) => zl(ctx, offerSums(o.cost_lines).bySource.grant), numeric: true },
        { header: t('commissioning.results.decision'), cell: (o) => t(`commissioning.decision.${o.decision_kind ?? 'none'}` as MessageKey) },
        { header: t('commissioning.results.amount'), cell: (o) => (o.amount ? zl(ctx, o.amount) : '—'), numeric: true },
      ]}
      rows={props.view.results}
      empty={t('commissioning.results.empty')}
    />
  );
}
