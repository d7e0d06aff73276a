import { ROLES, type Role } from '../../platform/auth/roles';
import type { StartCard } from '../../platform/module';
import type { MunicipalityRow, UnitRow } from '../../platform/tenancy/repository';
import type { PageContext } from '../../platform/ui/context';
import { Form } from '../../platform/ui/forms';
import { Layout } from '../../platform/ui/layout';

export interface MunicipalityPageProps {
  ctx: PageContext;
  municipality: MunicipalityRow;
  units: UnitRow[];
  /** Null for an anonymous visitor; the roles held (maybe none) for someone signed in. */
  roles: Role[] | null;
  cards: StartCard[];
}

/**
 * A municipality's page: for someone signed in with a role there, first what needs them now (a section
 * per role, counts and links); for everyone, the search, the eligibility check, the centre's contact and its units.
 */
export function MunicipalityPage(props: MunicipalityPageProps) {
  const { ctx, municipality, roles } = props;
  const { t } = ctx.i18n;
  const base = `/${municipality.slug}`;
  const starting = roles !== null && roles.length > 0;
  return (
    <Layout ctx={ctx} title={starting ? t('start.title') : municipality.name} description={t('meta.description_home', { cus: municipality.cus_name, municipality: municipality.name })}>
      {starting ? (
        <>
          <h1>{t('start.title')}</h1>
          <p class="lead">{t('start.greeting', { name: ctx.user?.displayName ?? '' })}</p>
          {ROLES.filter((r) => roles.includes(r)).map((role) => (
            <StartSection ctx={ctx} base={base} role={role} cards={props.cards.filter((c) => c.role === role)} />
          ))}
          <h2>{municipality.cus_name}</h2>
        </>
      ) : (
        <>
          <h1>{municipality.cus_name}</h1>
          <p class="lead">{municipality.name}</p>
          {roles !== null ? (
            <div class="notice">
              <p>{t('start.no_role')}</p>
              <Form ctx={ctx} action={`${base}/join`}>
                <button type="submit">{t('municipality.join')}</button>
              </Form>
            </div>
          ) : null}
        </>
      )}
      <PublicHome ctx={ctx} base={base} units={props.units} headingLevel={starting ? 3 : 2} />
    </Layout>
  );
}

function StartSection({ ctx, base, role, cards }: { ctx: PageContext; base: string; role: Role; cards: StartCard[] }) {
  const { t } = ctx.i18n;
  const waiting = cards.filter((c) => c.count !== undefined && c.count > 0);
  const ideas = cards.filter((c) => c.count === undefined);
  const id = `start-${role}`;
  return (
    <section class="start-section" aria-labelledby={id}>
      <h2 id={id}>{t(`start.section.${role}`)}</h2>
      {waiting.length > 0 ? (
        <ul class="cards start-cards">
          {waiting.map((c) => (
            <li class="card">
              <a href={`${base}${c.href}`}>{t(c.label, { ...c.params, count: c.count ?? 0 })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="start-nothing">{t('start.nothing')}</p>
      )}
      {ideas.length > 0 ? (
        <>
          <h3 class="start-ideas-title">{t('start.ideas')}</h3>
          <ul class="start-ideas">
            {ideas.map((c) => (
              <li>
                <a href={`${base}${c.href}`}>{t(c.label)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** What anyone may do here: search the services, check what they may get, contact the centre, see its units. */
function PublicHome({ ctx, base, units, headingLevel }: { ctx: PageContext; base: string; units: UnitRow[]; headingLevel: 2 | 3 }) {
  const { t } = ctx.i18n;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const contact = units.find((u) => u.phone || u.email);
  return (
    <>
      <div class="public-home">
        <section aria-labelledby="public-search">
          <H id="public-search">{t('public.search_title')}</H>
          <form method="get" action={`${base}/services`} role="search" class="home-search">
            <label for="home-q">{t('directory.search_label')}</label>
            <p class="hint" id="home-q-hint">
              {t('directory.search_hint')}
            </p>
            <div class="home-search-row">
              <input id="home-q" name="q" type="search" aria-describedby="home-q-hint" />
              <button type="submit">{t('public.search_submit')}</button>
            </div>
          </form>
          <p>
            <a href={`${base}/check`} class="home-check">
              {t('nav.eligibility')}
            </a>{' '}
            {t('public.check_text')}
          </p>
        </section>
        {contact ? (
          <section aria-labelledby="public-contact">
            <H id="public-contact">{t('public.contact_title')}</H>
            <p>{t('public.contact_intro', { unit: contact.name })}</p>
            <UnitContact unit={contact} />
          </section>
        ) : null}
      </div>
      <H>{t('municipality.units')}</H>
      {units.length === 0 ? (
        <p>{t('municipality.units_empty')}</p>
      ) : (
        <>
          <p class="muted">{t('municipality.units_count', { count: units.length })}</p>
          <ul class="cards">
            {units.map((u) => (
              <li class="card">
                <Sub>{u.name}</Sub>
                {u.description ? <p>{u.description}</p> : null}
                <UnitContact unit={u} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function UnitContact({ unit }: { unit: UnitRow }) {
  return (
    <>
      {unit.address ? <p>{unit.address}</p> : null}
      {unit.phone ? (
        <p>
          <a href={`tel:${unit.phone.replace(/\s+/g, '')}`}>{unit.phone}</a>
        </p>
      ) : null}
      {unit.email ? (
        <p>
          <a href={`mailto:${unit.email}`}>{unit.email}</a>
        </p>
      ) : null}
    </>
  );
}
