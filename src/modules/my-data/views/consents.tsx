import { messageKeyFor } from '../../../platform/http/errors';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { SubjectConsent } from '../repository-subject';
import type { ConsentToWithdraw } from '../service-consents';
import { myBase } from './common';

const purposeText = (ctx: PageContext, c: SubjectConsent) => ctx.i18n.t(`my_data.consents.purpose.${c.purpose}`);

/** "Moje zgody": each consent of the person's applications — for what, to whom, given and withdrawn when. */
export function ConsentsPage(props: { ctx: PageContext; consents: SubjectConsent[] }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('my_data.consents.title')} back={{ href: myBase(ctx), label: t('my_data.hub.title') }}>
      <p>{t('my_data.consents.intro')}</p>
      {props.consents.length === 0 ? (
        <p class="admin-empty">{t('my_data.consents.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('my_data.consents.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('my_data.col.purpose')}</th>
                <th scope="col">{t('my_data.col.recipient')}</th>
                <th scope="col">{t('my_data.col.application')}</th>
                <th scope="col">{t('my_data.col.given')}</th>
                <th scope="col">{t('my_data.col.withdrawn')}</th>
              </tr>
            </thead>
            <tbody>
              {props.consents.map((c) => (
                <tr>
                  <th scope="row">{purposeText(ctx, c)}</th>
                  <td>{c.recipient}</td>
                  <td>
                    {c.service_name} ({t(`applications.status.${c.application_status}` as 'applications.status.waiting')})
                  </td>
                  <td>{dateTime(c.given_at)}</td>
                  <td>
                    {c.withdrawn_at ? (
                      dateTime(c.withdrawn_at)
                    ) : (
                      <a href={`${myBase(ctx)}/consents/${c.id}/withdraw`} aria-label={t('my_data.consents.withdraw_label', { purpose: purposeText(ctx, c), service: c.service_name })}>
                        {t('my_data.consents.withdraw')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageLayout>
  );
}

/**
 * "Wycofać zgodę?": what the consent is, what withdrawing it does (the coordinators of open
 * referrals resting on it are told), or why it cannot be withdrawn now and what to do instead.
 */
export function WithdrawConsentPage(props: { ctx: PageContext; data: ConsentToWithdraw; form: FormState }) {
  const { ctx, data } = props;
  const { t, dateTime } = ctx.i18n;
  const c = data.consent;
  const back = `${myBase(ctx)}/consents`;
  return (
    <PageLayout ctx={ctx} title={t('my_data.withdraw.title')} back={{ href: back, label: t('my_data.consents.title') }}>
      {props.form.message ? (
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary">
          <p>{props.form.message}</p>
        </div>
      ) : null}
      <dl class="facts">
        <dt>{t('my_data.col.purpose')}</dt>
        <dd>{purposeText(ctx, c)}</dd>
        <dt>{t('my_data.col.recipient')}</dt>
        <dd>{c.recipient}</dd>
        <dt>{t('my_data.col.application')}</dt>
        <dd>{c.service_name}</dd>
        <dt>{t('my_data.col.given')}</dt>
        <dd>{dateTime(c.given_at)}</dd>
      </dl>
      {data.block ? (
        <>
          {props.form.message ? null : <p class="notice">{t(messageKeyFor(data.block))}</p>}
          <p>
            <a href={`/${ctx.municipality!.slug}/applications/mine`}>{t('applications.mine.title')}</a> · <a href={back}>{t('my_data.consents.title')}</a>
          </p>
        </>
      ) : (
        <>
          <p>{t(`my_data.withdraw.effect.${c.purpose}`)}</p>
          {data.referrals.length ? <p class="notice">{t('my_data.withdraw.referrals', { count: data.referrals.length })}</p> : null}
          <Form ctx={ctx} action={`${myBase(ctx)}/consents/${c.id}/withdraw`} class="admin-actions">
            <button type="submit">{t('my_data.withdraw.submit')}</button>
            <a href={back}>{t('my_data.withdraw.cancel')}</a>
          </Form>
        </>
      )}
    </PageLayout>
  );
}
