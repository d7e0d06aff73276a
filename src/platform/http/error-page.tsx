import type { VNode } from 'preact';
import type { PageContext } from '../ui/context';
import { Layout } from '../ui/layout';

export function ErrorPage(props: { ctx: PageContext; message: string; offer?: VNode | null }) {
  const { t } = props.ctx.i18n;
  return (
    <Layout ctx={props.ctx} title={t('errors.title')}>
      <h1>{t('errors.title')}</h1>
      <p class="lead">{props.message}</p>
      {props.offer}
      <p>
        <a href={props.ctx.municipality ? `/${props.ctx.municipality.slug}` : '/'}>{t('errors.back_home')}</a>
      </p>
      <p class="muted">{t('errors.request_id', { id: props.ctx.requestId })}</p>
    </Layout>
  );
}
