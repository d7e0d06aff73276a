import type { Role } from '../../platform/auth/roles';
import type { MunicipalityRow, UnitRow } from '../../platform/tenancy/repository';
import type { PageContext } from '../../platform/ui/context';
import { Form } from '../../platform/ui/forms';
import { Layout } from '../../platform/ui/layout';

export function HomePage({ ctx, municipalities }: { ctx: PageContext; municipalities: MunicipalityRow[] }) {
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1>{t('app.name')}</h1>
      <p class="lead">{t('app.tagline')}</p>
      <h2>{t('home.title')}</h2>
      {municipalities.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <>
          <p>{t('home.intro')}</p>
          <ul class="cards">
            {municipalities.map((m) => (
              <li class="card">
                <h3>
                  <a href={`/${m.slug}`}>{m.name}</a>
                </h3>
                <p>{m.cus_name}</p>
                <p class="muted">{t('home.teryt', { teryt: m.teryt })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function MunicipalityPage(props: { ctx: PageContext; municipality: MunicipalityRow; units: UnitRow[]; roles: Role[]; signedIn: boolean }) {
  const { ctx, municipality } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={municipality.name}>
      <h1>{municipality.cus_name}</h1>
      <p class="lead">{municipality.name}</p>
      {props.roles.length > 0 ? (
        <p>{t('municipality.your_roles', { roles: props.roles.map((r) => t(`role.${r}`)).join(', ') })}</p>
      ) : props.signedIn ? (
        <Form ctx={ctx} action={`/${municipality.slug}/join`}>
          <button type="submit">{t('municipality.join')}</button>
        </Form>
      ) : null}
      {props.signedIn ? (
        <p>
          <a href={`/${municipality.slug}/my`}>{t('my_data.hub.title')}</a>
          {' · '}
          <a href={`/${municipality.slug}/applications/mine`}>{t('applications.mine.title')}</a>
          {' · '}
          <a href={`/${municipality.slug}/applications/new`}>{t('applications.apply.link')}</a>
        </p>
      ) : null}
      <h2>{t('municipality.units')}</h2>
      {props.units.length === 0 ? (
        <p>{t('municipality.units_empty')}</p>
      ) : (
        <>
          <p class="muted">{t('municipality.units_count', { count: props.units.length })}</p>
          <ul class="cards">
            {props.units.map((u) => (
              <li class="card">
                <h3>{u.name}</h3>
                {u.description ? <p>{u.description}</p> : null}
                {u.address ? <p>{u.address}</p> : null}
                {u.phone ? (
                  <p>
                    <a href={`tel:${u.phone.replace(/\s+/g, '')}`}>{u.phone}</a>
                  </p>
                ) : null}
                {u.email ? (
                  <p>
                    <a href={`mailto:${u.email}`}>{u.email}</a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
