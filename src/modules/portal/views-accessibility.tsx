import type { MunicipalityRow, UnitRow } from '../../platform/tenancy/repository';
import type { PageContext } from '../../platform/ui/context';
import { Layout } from '../../platform/ui/layout';

export interface StatementProps {
  ctx: PageContext;
  /** The centre whose statement this is; null: the platform's page, which lists the centres' statements. */
  municipality: MunicipalityRow | null;
  municipalities: MunicipalityRow[];
  units: UnitRow[];
  /** The pages' address (PUBLIC_URL and the path). */
  address: string;
  published: Date | null;
  updated: Date | null;
}

/**
 * "Deklaracja dostępności": the parts the act of 4 April 2019 asks for, filled from what the platform
 * knows (its dates, its tests, the centre's contact and addresses) — nothing typed in by hand.
 */
export function StatementPage(props: StatementProps) {
  const { ctx, municipality: m } = props;
  const { t, date } = ctx.i18n;
  const entity = m?.cus_name ?? '';
  const contact = props.units.find((u) => u.phone || u.email);
  const addresses = [...new Set(props.units.map((u) => u.address).filter(Boolean))];
  return (
    <Layout ctx={ctx} title={t('a11y.title')}>
      <h1>{t('a11y.title')}</h1>
      {m ? (
        <p>{t('a11y.intro', { entity, address: props.address })}</p>
      ) : (
        <>
          <p>{t('a11y.platform_intro')}</p>
          {props.municipalities.length ? (
            <ul>
              {props.municipalities.map((x) => (
                <li>
                  <a href={`/${x.slug}/deklaracja-dostepnosci`}>{x.cus_name}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('a11y.platform_none')}</p>
          )}
        </>
      )}

      <h2>{t('a11y.dates_title')}</h2>
      <ul>
        {props.published ? <li>{t('a11y.published', { date: date(props.published) })}</li> : null}
        {props.updated ? <li>{t('a11y.updated', { date: date(props.updated) })}</li> : null}
      </ul>
      <p class="muted">{t('a11y.dates_source')}</p>

      <h2>{t('a11y.status_title')}</h2>
      <p>{t('a11y.status')}</p>
      <p>{t('a11y.standard')}</p>
      <ul>
        <li>{t('a11y.standard.keyboard')}</li>
        <li>{t('a11y.standard.reflow')}</li>
        <li>{t('a11y.standard.structure')}</li>
        <li>{t('a11y.standard.pdf')}</li>
      </ul>
      <h3>{t('a11y.exceptions_title')}</h3>
      <ul>
        <li>{t('a11y.exceptions.files')}</li>
        <li>{t('a11y.exceptions.texts')}</li>
      </ul>

      <h2>{t('a11y.prepared_title')}</h2>
      <p>{t('a11y.prepared')}</p>
      {props.updated ? <p>{t('a11y.prepared_version', { date: date(props.updated) })}</p> : null}

      {m ? (
        <>
          <h2>{t('a11y.contact_title')}</h2>
          {contact ? (
            <>
              <p>{t('a11y.contact', { unit: contact.name })}</p>
              <ul class="contact">
                {contact.phone ? (
                  <li>
                    <a href={`tel:${contact.phone.replace(/\s+/g, '')}`}>{contact.phone}</a>
                  </li>
                ) : null}
                {contact.email ? (
                  <li>
                    <a href={`mailto:${contact.email}`}>{contact.email}</a>
                  </li>
                ) : null}
                {contact.address ? <li>{contact.address}</li> : null}
              </ul>
            </>
          ) : (
            <p>{t('a11y.contact_none', { entity })}</p>
          )}

          <h2>{t('a11y.procedure_title')}</h2>
          <p>{t('a11y.procedure.right')}</p>
          <p>{t('a11y.procedure.content')}</p>
          <p>{t('a11y.procedure.deadline', { entity })}</p>
          <p>{t('a11y.procedure.complaint')}</p>

          <h2>{t('a11y.building_title')}</h2>
          <p>{t('a11y.building')}</p>
          {addresses.length ? (
            <ul>
              {addresses.map((a) => (
                <li>{a}</li>
              ))}
            </ul>
          ) : null}
          <p>
            {t('a11y.building_rooms')} <a href={`/${m.slug}/venues`}>{t('a11y.building_rooms_link')}</a>
          </p>
        </>
      ) : null}
    </Layout>
  );
}
