import { messageKeyFor, type ErrorCode } from '../../../platform/http/errors';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { CONFIRM_FIELD } from '../../../platform/http/confirm';
import { Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { SubjectConsent } from '../repository-subject';
import { withdrawalBlock, type ConsentToWithdraw } from '../service-consents';
import { myBase } from './common';

const purposeText = (ctx: PageContext, c: SubjectConsent) => ctx.i18n.t(`my_data.consents.purpose.${c.purpose}`);

/** A consent that cannot be withdrawn now offers no button: why, and what to do instead. */
function KeptBecause(props: { ctx: PageContext; block: ErrorCode }) {
  const { t } = props.ctx.i18n;
  return (
    <>
      <p class="consent-kept">{t('my_data.consents.kept')}</p>
      <p>{t(messageKeyFor(props.block))}</p>
      {props.block === 'consent.needed_in_queue' ? (
        <p>
          <a href={`/${props.ctx.municipality!.slug}/applications/mine`}>{t('applications.mine.title')}</a>
        </p>
      ) : null}
    </>
  );
}

/** "Moje zgody": each consent of the person's applications — for what, to whom, given and withdrawn when. */
export function ConsentsPage(props: { ctx: PageContext; consents: SubjectConsent[] }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('my_data.consents.title')} back={{ href: myBase(ctx), label: t('my_data.hub.title') }}>
      <p>{t('my_data.consents.intro')}</p>
      <Table
        id="consents"
        caption={t('my_data.consents.title')}
        captionHidden
        rows={props.consents}
        empty={t('my_data.consents.empty')}
        columns={[
          { header: t('my_data.col.purpose'), rowHeader: true, cell: (c) => purposeText(ctx, c) },
          { header: t('my_data.col.recipient'), cell: (c) => c.recipient },
          { header: t('my_data.col.application'), cell: (c) => `${c.service_name} (${t(`applications.status.${c.application_status}` as 'applications.status.waiting')})` },
          { header: t('my_data.col.given'), cell: (c) => dateTime(c.given_at) },
          {
            header: t('my_data.col.withdrawn'),
            cell: (c) =>
              c.withdrawn_at ? (
                dateTime(c.withdrawn_at)
              ) : withdrawalBlock(c) ? (
                <KeptBecause ctx={ctx} block={withdrawalBlock(c)!} />
              ) : (
                <a href={`${myBase(ctx)}/consents/${c.id}/withdraw`} aria-label={t('my_data.consents.withdraw_label', { purpose: purposeText(ctx, c), service: c.service_name })}>
                  {t('my_data.consents.withdraw')}
                </a>
              ),
          },
        ]}
      />
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
        <div class="error-summary" role="alert" tabIndex={-1} id="error-summary" autofocus>
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
            <input type="hidden" name={CONFIRM_FIELD} value="yes" />
            <button type="submit">{t('my_data.withdraw.submit')}</button>
            <a href={back}>{t('my_data.withdraw.cancel')}</a>
          </Form>
        </>
      )}
    </PageLayout>
  );
}
