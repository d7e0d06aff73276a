import { PageLayout } from '../../../platform/ui/layout';
import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, NumberField, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PUBLISHABLE_CONTACTS } from '../domain';
import { FORM_FIELDS } from '../form';
import type { OrganisationRow } from '../repository';
import type { Rights } from '../rights';
import { kindOptions, organisationsBase, sphereOptions } from './common';

type FieldName = (typeof FORM_FIELDS)[number];

/** The label of each field (also used by the error summary and the conflict panel). */
export function formLabels(ctx: PageContext): Record<FieldName, string> {
  return Object.fromEntries(FORM_FIELDS.map((f) => [f, ctx.i18n.t(`organisations.form.field.${f}` as MessageKey)])) as Record<FieldName, string>;
}

/** After a conflict: each field that differs, what the person typed next to what is saved now. */
export interface ConflictPanel {
  typed: FormState['values'];
  saved: FormState['values'];
  differing: FieldName[];
  version: number;
}

function shown(ctx: PageContext, value: string | string[] | undefined): string {
  const text = Array.isArray(value) ? value.join(', ') : (value ?? '').trim();
  return text === '' ? ctx.i18n.t('organisations.form.conflict.empty') : text;
}

function Conflict(props: { ctx: PageContext; conflict: ConflictPanel }) {
  const { ctx, conflict } = props;
  const { t } = ctx.i18n;
  const labels = formLabels(ctx);
  if (conflict.differing.length === 0) return null;
  return (
    <section class="notice" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('organisations.form.conflict.title')}</h2>
      <p>{t('organisations.form.conflict.intro')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('organisations.form.conflict.field')}</th>
              <th scope="col">{t('organisations.form.conflict.yours')}</th>
              <th scope="col">{t('organisations.form.conflict.saved', { version: conflict.version })}</th>
            </tr>
          </thead>
          <tbody>
            {conflict.differing.map((f) => (
              <tr>
                <th scope="row">{labels[f]}</th>
                <td class="prewrap">{shown(ctx, conflict.typed[f])}</td>
                <td class="prewrap">{shown(ctx, conflict.saved[f])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Status(props: { ctx: PageContext; organisation: OrganisationRow }) {
  const { ctx, organisation: o } = props;
  const { t } = ctx.i18n;
  if (o.status === 'rejected') {
    return (
      <div class="notice" role="status">
        <p>{t('organisations.form.status.rejected')}</p>
        <blockquote class="prewrap">{o.rejection_reason}</blockquote>
        <p>{t('organisations.form.status.rejected_hint')}</p>
      </div>
    );
  }
  return <p class="notice">{t(`organisations.form.status.${o.status}`)}</p>;
}

/** The registration form: a new organisation, or the saved one being edited (its registrant, its administrators, staff). */
export function OrganisationFormPage(props: { ctx: PageContext; form: FormState; organisation?: OrganisationRow; rights?: Rights; conflict?: ConflictPanel }) {
  const { ctx, form, organisation: o } = props;
  const { t } = ctx.i18n;
  const base = organisationsBase(ctx);
  const labels = formLabels(ctx);
  const field = { ctx, form };
  const title = o ? t('organisations.form.edit_title', { name: o.name }) : t('organisations.form.new_title');
  const submit = !o ? t('organisations.form.submit_new') : o.status === 'rejected' && props.rights?.registrant ? t('organisations.form.submit_resubmit') : t('form.save');
  const back = props.rights?.role || props.rights?.registrant || !o ? { href: `${base}/mine`, label: t('organisations.back_mine') } : { href: `${base}/${o.id}/review`, label: t('organisations.review.back') };
  return (
    <PageLayout ctx={ctx} title={title} back={back}>
      {o ? <Status ctx={ctx} organisation={o} /> : <p>{t('organisations.form.new_intro')}</p>}
      {o && o.status === 'verified' ? (
        <ul class="links">
          <li>
            <a href={`${base}/${o.id}`}>{t('organisations.form.profile_link')}</a>
          </li>
          {props.rights?.manageMembers ? (
            <li>
              <a href={`${base}/${o.id}/members`}>{t('organisations.form.members_link')}</a>
            </li>
          ) : null}
          {o.kind === 'federation' ? (
            <li>
              <a href={`${base}/${o.id}/federation`}>{t('organisations.form.federation_link')}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.conflict ? <Conflict ctx={ctx} conflict={props.conflict} /> : null}
      <Form ctx={ctx} action={o ? `${base}/${o.id}/edit` : `${base}/register`} class="admin-form">
        {o ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <h2>{t('organisations.form.section.basic')}</h2>
        <TextField {...field} name="name" label={labels.name} required autocomplete="organization" />
        <SelectField {...field} name="kind" label={labels.kind} required options={kindOptions(ctx)} placeholder={t('organisations.form.choose')} />
        <InputField {...field} name="leader_name" label={labels.leader_name} hint={t('organisations.form.hint.leader_name')} autocomplete="off" />

        <h2>{t('organisations.form.section.registry')}</h2>
        <InputField {...field} name="krs" label={labels.krs} hint={t('organisations.form.hint.krs')} inputmode="numeric" size="medium" autocomplete="off" />
        <InputField {...field} name="nip" label={labels.nip} hint={t('organisations.form.hint.nip')} size="medium" autocomplete="off" />
        <InputField {...field} name="regon" label={labels.regon} hint={t('organisations.form.hint.regon')} inputmode="numeric" size="medium" autocomplete="off" />

        <h2>{t('organisations.form.section.spheres')}</h2>
        <CheckboxGroup {...field} name="spheres" legend={labels.spheres} options={sphereOptions(ctx)} />
        <TextArea {...field} name="description" label={labels.description} hint={t('organisations.form.hint.description')} rows={6} />
        <div class="admin-row">
          <NumberField {...field} name="founded_year" label={labels.founded_year} />
          <NumberField {...field} name="members_count" label={labels.members_count} />
          <NumberField {...field} name="volunteers_count" label={labels.volunteers_count} />
        </div>

        <h2>{t('organisations.form.section.contact')}</h2>
        <InputField {...field} name="street" label={labels.street} autocomplete="street-address" />
        <div class="admin-row">
          <InputField {...field} name="postal_code" label={labels.postal_code} autocomplete="postal-code" size="short" />
          <InputField {...field} name="city" label={labels.city} autocomplete="address-level2" size="medium" />
        </div>
        <InputField {...field} name="email" type="email" label={labels.email} required autocomplete="email" />
        <InputField {...field} name="phone" type="tel" label={labels.phone} autocomplete="tel" size="medium" />
        <InputField {...field} name="website" type="url" label={labels.website} hint={t('organisations.form.hint.website')} autocomplete="url" />
        <TextArea {...field} name="social_links" label={labels.social_links} hint={t('organisations.form.hint.social_links')} rows={3} />
        <CheckboxGroup
          {...field}
          name="published_contacts"
          legend={labels.published_contacts}
          options={PUBLISHABLE_CONTACTS.map((c) => ({ value: c, label: t(`organisations.form.publish.${c}`) }))}
        />
        <p class="hint">{t('organisations.form.hint.published_contacts')}</p>
        <p class="admin-actions">
          <button type="submit">{submit}</button> <a href={back.href}>{t('form.cancel')}</a>
        </p>
      </Form>
    </PageLayout>
  );
}
