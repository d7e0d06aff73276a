import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import type { Option } from '../../../platform/ui/fields';
import type { Choice } from './repository-admin';

/** The staff catalogue's base path in this municipality. */
export const adminBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/catalog`;

/** Options labelled by a message per value, e.g. `area.<value>`. */
export function labelled(ctx: PageContext, prefix: string, values: readonly string[]): Option[] {
  return values.map((v) => ({ value: v, label: ctx.i18n.t(`${prefix}${v}` as MessageKey) }));
}

export const choiceOptions = (list: Choice[]): Option[] => list.map((c) => ({ value: c.id, label: c.detail ? `${c.name} — ${c.detail}` : c.name }));

/** A staff catalogue page: the way back to the catalogue, one h1. */
export function AdminLayout(props: { ctx: PageContext; title: string; children: ComponentChildren; back?: { href: string; label: string } }) {
  const { ctx } = props;
  const back = props.back ?? { href: adminBase(ctx), label: ctx.i18n.t('catalog_admin.back') };
  return (
    <Layout ctx={ctx} title={props.title}>
      <p class="admin-back">
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/** The save button and the way out of a form. */
export function FormActions(props: { ctx: PageContext; cancel: string; submit?: string }) {
  const { t } = props.ctx.i18n;
  return (
    <p class="admin-actions">
      <button type="submit">{props.submit ?? t('form.save')}</button> <a href={props.cancel}>{t('form.cancel')}</a>
    </p>
  );
}
