import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { LocationListRow, ProviderListRow } from './repository-admin-places';
import type { ProgrammeListRow } from './repository-admin-programmes';
import type { ServiceListRow } from './repository-admin';
import { adminBase } from './views-common';

export interface Dashboard {
  services: ServiceListRow[];
  providers: ProviderListRow[];
  locations: LocationListRow[];
  programmes: ProgrammeListRow[];
}

function Section(props: { id: string; title: string; count: number; add: { href: string; label: string }; empty: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id} class="admin-section">
      <h2 id={props.id}>
        {props.title} <span class="admin-count">({props.count})</span>
      </h2>
      <p>
        <a href={props.add.href} class="admin-add">
          {props.add.label}
        </a>
      </p>
      {props.count === 0 ? <p class="admin-empty">{props.empty}</p> : <div class="table-wrap">{props.children}</div>}
    </section>
  );
}

export function DashboardPage(props: { ctx: PageContext } & Dashboard) {
  const { ctx } = props;
  const { t, dateTime, date } = ctx.i18n;
  const base = adminBase(ctx);
  return (
    <Layout ctx={ctx} title={t('catalog_admin.title')}>
      <h1>{t('catalog_admin.title')}</h1>
      <p>{t('catalog_admin.intro')}</p>
      <p><a href={`${base}/import`}>{t('catalog_transfer.dashboard_link')}</a></p>
      <nav aria-label={t('catalog_admin.sections')}>
        <ul class="links">
          <li><a href="#services-title">{t('catalog_admin.services')}</a></li>
          <li><a href="#providers-title">{t('catalog_admin.providers')}</a></li>
          <li><a href="#locations-title">{t('catalog_admin.locations')}</a></li>
          <li><a href="#programmes-title">{t('catalog_admin.programmes')}</a></li>
        </ul>
      </nav>

      <Section id="services-title" title={t('catalog_admin.services')} count={props.services.length} empty={t('catalog_admin.services_empty')}
        add={{ href: `${base}/services/new`, label: t('catalog_admin.service.add') }}>
        <table>
          <caption class="visually-hidden">{t('catalog_admin.services')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog_admin.col.name')}</th>
              <th scope="col">{t('catalog_admin.col.area')}</th>
              <th scope="col">{t('catalog_admin.col.status')}</th>
              <th scope="col">{t('catalog_admin.col.provider')}</th>
              <th scope="col">{t('catalog_admin.col.updated')}</th>
              <th scope="col">{t('catalog_admin.col.history')}</th>
            </tr>
          </thead>
          <tbody>
            {props.services.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/services/${s.id}`}>{s.name}</a>
                </th>
                <td>{t(`area.${s.area}`)}</td>
                <td>
                  <span class={`admin-status admin-status-${s.status}`}>{t(`service_status.${s.status}`)}</span>
                </td>
                <td>{s.provider_name}</td>
                <td>{dateTime(s.updated_at)}</td>
                <td>
                  <a href={`${base}/services/${s.id}/history`} aria-label={t('catalog_admin.history.link_for', { name: s.name })}>
                    {t('catalog_admin.history.short')}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="providers-title" title={t('catalog_admin.providers')} count={props.providers.length} empty={t('catalog_admin.providers_empty')}
        add={{ href: `${base}/providers/new`, label: t('catalog_admin.provider.add') }}>
        <table>
          <caption class="visually-hidden">{t('catalog_admin.providers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog_admin.col.name')}</th>
              <th scope="col">{t('catalog_admin.col.kind')}</th>
              <th scope="col">{t('catalog_admin.col.services')}</th>
              <th scope="col">{t('catalog_admin.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {props.providers.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/providers/${p.id}`}>{p.name}</a>
                </th>
                <td>{t(`provider_kind.${p.kind}`)}</td>
                <td>{p.services}</td>
                <td>{dateTime(p.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="locations-title" title={t('catalog_admin.locations')} count={props.locations.length} empty={t('catalog_admin.locations_empty')}
        add={{ href: `${base}/locations/new`, label: t('catalog_admin.location.add') }}>
        <table>
          <caption class="visually-hidden">{t('catalog_admin.locations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog_admin.col.name')}</th>
              <th scope="col">{t('catalog_admin.col.address')}</th>
              <th scope="col">{t('catalog_admin.col.provider')}</th>
              <th scope="col">{t('catalog_admin.col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {props.locations.map((l) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/locations/${l.id}`}>{l.name}</a>
                </th>
                <td>{`${l.street}, ${l.postal_code} ${l.city}`}</td>
                <td>{l.provider_name}</td>
                <td>{dateTime(l.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>

      <Section id="programmes-title" title={t('catalog_admin.programmes')} count={props.programmes.length} empty={t('catalog_admin.programmes_empty')}
        add={{ href: `${base}/programmes/new`, label: t('catalog_admin.programme.add') }}>
        <table>
          <caption class="visually-hidden">{t('catalog_admin.programmes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog_admin.col.name')}</th>
              <th scope="col">{t('catalog_admin.col.period')}</th>
              <th scope="col">{t('catalog_admin.col.status')}</th>
              <th scope="col">{t('catalog_admin.col.services')}</th>
            </tr>
          </thead>
          <tbody>
            {props.programmes.map((p) => (
              <tr>
                <th scope="row">
                  <a href={`${base}/programmes/${p.id}`}>{p.name}</a>
                </th>
                <td>{t('catalog_admin.period', { from: date(`${p.period_from}T12:00:00Z`), to: date(`${p.period_to}T12:00:00Z`) })}</td>
                <td>{t(`programme_status.${p.status}`)}</td>
                <td>{p.services}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </Layout>
  );
}
