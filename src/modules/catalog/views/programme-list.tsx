import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { PublicProgrammeRow } from '../repository-programmes';
import { paragraphs } from './public-format';
import { periodText, resolutionText, servicesCount } from './programme-format';

/** Period, status, council resolution and the number of services of a programme. */
export function ProgrammeFacts(props: { ctx: PageContext; programme: PublicProgrammeRow }) {
  const { ctx, programme: p } = props;
  const { t } = ctx.i18n;
  return (
    <dl class="facts programme-facts">
      <dt>{t('programme.period')}</dt>
      <dd>{periodText(ctx.i18n, p)}</dd>
      <dt>{t('programme.status')}</dt>
      <dd>{t(`programme_status.${p.status}`)}</dd>
      <dt>{t('programme.resolution')}</dt>
      <dd>{resolutionText(ctx.i18n, p)}</dd>
      <dt>{t('programme.services')}</dt>
      <dd>{servicesCount(ctx.i18n, p.service_count)}</dd>
    </dl>
  );
}

export function ProgrammeListPage(props: { ctx: PageContext; programmes: PublicProgrammeRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  return (
    <Layout ctx={ctx} title={t('programme.list_title')}>
      <h1>{t('programme.list_title')}</h1>
      <p class="lead">{t('programme.list_intro')}</p>
      {props.programmes.length === 0 ? (
        <div class="notice programme-empty">
          <p>{t('programme.list_empty')}</p>
          <p>
            {t('programme.list_empty_hint')} <a href={`/${slug}/services`}>{t('programme.to_catalogue')}</a>
          </p>
        </div>
      ) : (
        <ul class="programme-list">
          {props.programmes.map((p) => (
            <li class="programme-item">
              <h2>
                <a href={`/${slug}/programme/${p.id}`}>{p.name}</a>
              </h2>
              <ProgrammeFacts ctx={ctx} programme={p} />
              {paragraphs(p.description).map((d) => (
                <p class="prewrap">{d}</p>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
