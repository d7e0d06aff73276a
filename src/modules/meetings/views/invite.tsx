import { PageLayout } from '../../../platform/ui/layout';
import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { KINDS, SPHERE_CODES } from '../../organisations';
import type { MeetingRow } from '../domain';
import type { AudienceFilter, Candidate } from '../repository-audience';
import { meetingsBase, whenOf } from './common';

export interface InviteData {
  meeting: MeetingRow;
  preview: { rows: Candidate[]; total: number };
  federations: { id: string; name: string }[];
}

/** The filter as hidden fields, so that "invite all that match" invites what was shown. */
function FilterFields(props: { filter: AudienceFilter }) {
  const f = props.filter;
  return (
    <>
      <input type="hidden" name="q" value={f.q} />
      {f.spheres.map((s) => (
        <input type="hidden" name="sphere" value={s} />
      ))}
      {f.kinds.map((k) => (
        <input type="hidden" name="kind" value={k} />
      ))}
      <input type="hidden" name="federation" value={f.federationId ?? ''} />
    </>
  );
}

/**
 * Choosing whom to invite: filter the registry by sphere, kind, federation or name, then tick
 * organisations (all ticked that are not invited yet) or invite every one that matches; or invite
 * people by e-mail.
 */
export function InvitePage(props: { ctx: PageContext; data: InviteData; filter: AudienceFilter; form: FormState; limit: number }) {
  const { ctx, data, filter, form } = props;
  const { t } = ctx.i18n;
  const base = `${meetingsBase(ctx)}/${data.meeting.id}`;
  const filterForm: FormState = { values: { q: filter.q, sphere: filter.spheres, kind: filter.kinds, federation: filter.federationId ?? '' }, errors: {} };
  const notInvited = data.preview.rows.filter((r) => !r.invited);
  return (
    <PageLayout ctx={ctx} title={t('meetings.invite.title', { title: data.meeting.title })} back={{ href: base, label: t('meetings.back_meeting') }}>
      <p>{t('meetings.invite.intro', { when: whenOf(ctx, data.meeting) })}</p>
      <ErrorSummary ctx={ctx} form={form} labels={{ organisations: t('meetings.invite.organisations'), emails: t('meetings.invite.emails') }} />
      <h2>{t('meetings.invite.filter_title')}</h2>
      <Form ctx={ctx} action={`${base}/invite`} method="get" class="filters">
        <TextField ctx={ctx} form={filterForm} name="q" type="search" label={t('meetings.invite.q')} />
        <CheckboxGroup ctx={ctx} form={filterForm} name="sphere" legend={t('meetings.invite.spheres')} options={SPHERE_CODES.map((s) => ({ value: s, label: t(`sphere.${s}` as MessageKey) }))} />
        <CheckboxGroup ctx={ctx} form={filterForm} name="kind" legend={t('meetings.invite.kinds')} options={KINDS.map((k) => ({ value: k, label: t(`organisation_kind.${k}`) }))} />
        <SelectField ctx={ctx} form={filterForm} name="federation" label={t('meetings.invite.federation')} placeholder={t('meetings.invite.federation_any')} options={data.federations.map((f) => ({ value: f.id, label: f.name }))} />
        <button type="submit" class="secondary">
          {t('meetings.invite.show')}
        </button>
      </Form>
      <h2 id="matching">{t('meetings.invite.matching', { count: data.preview.total })}</h2>
      {data.preview.total === 0 ? (
        <p>{t('meetings.invite.none')}</p>
      ) : (
        <>
          <Form ctx={ctx} action={`${base}/invite`}>
            <input type="hidden" name="how" value="chosen" />
            <fieldset id="f-organisations">
              <legend>{t('meetings.invite.organisations')}</legend>
              {data.preview.total > data.preview.rows.length ? <p class="hint">{t('meetings.invite.first_n', { count: props.limit })}</p> : null}
              {data.preview.rows.map((o) => (
                <div class="checkbox">
                  <input type="checkbox" id={`org-${o.id}`} name="organisation" value={o.id} checked={!o.invited} disabled={o.invited} />
                  <label for={`org-${o.id}`}>
                    {o.name} <span class="muted">({t(`organisation_kind.${o.kind}` as MessageKey)}{o.invited ? `, ${t('meetings.invite.already')}` : ''})</span>
                  </label>
                </div>
              ))}
            </fieldset>
            <button type="submit" disabled={notInvited.length === 0}>
              {t('meetings.invite.submit_chosen')}
            </button>
          </Form>
          <Form ctx={ctx} action={`${base}/invite`}>
            <input type="hidden" name="how" value="all_matching" />
            <FilterFields filter={filter} />
            <p>
              <button type="submit" class="secondary">
                {t('meetings.invite.submit_all', { count: data.preview.total })}
              </button>
            </p>
          </Form>
        </>
      )}
      <h2>{t('meetings.invite.people_title')}</h2>
      <Form ctx={ctx} action={`${base}/invite`}>
        <input type="hidden" name="how" value="people" />
        <TextArea ctx={ctx} form={form} name="emails" label={t('meetings.invite.emails')} hint={t('meetings.invite.emails_hint')} rows={4} />
        <button type="submit" class="secondary">
          {t('meetings.invite.submit_people')}
        </button>
      </Form>
    </PageLayout>
  );
}
