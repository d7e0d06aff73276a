import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { PageContext } from '../../platform/ui/context';
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
