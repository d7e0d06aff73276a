import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { Receipt } from '../service-vote';
import type { BallotContext } from '../service-vote';
import { ballotLabels, BallotFields, HiddenValues, PeselField } from './ballot';
import { budgetBase } from './common';

export function ChoosePoolPage(props: { ctx: PageContext; ballot: Omit<BallotContext, 'pool'> }) {
  const { ctx, ballot } = props;
  const { t } = ctx.i18n;
  const base = `${budgetBase(ctx)}/${ballot.edition.id}`;
  return (
    <PageLayout ctx={ctx} title={t('budget.vote.title', { name: ballot.edition.name })} back={{ href: base, label: t('budget.back_edition') }}>
      {ballot.open ? <p>{t('budget.vote.choose_pool')}</p> : <p>{t('budget.vote.closed')}</p>}
      {ballot.open ? (
        <ul class="links">
          {ballot.pools.map((p) => (
            <li>
              <a href={`${base}/glosuj/${p.id}`}>
                {p.name} ({t(`budget.pool.${p.kind}`)})
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </PageLayout>
  );
}

export function BallotPage(props: { ctx: PageContext; ballot: BallotContext; form: FormState }) {
  const { ctx, ballot, form } = props;
  const { t } = ctx.i18n;
  const base = `${budgetBase(ctx)}/${ballot.edition.id}`;
  return (
    <PageLayout ctx={ctx} title={t('budget.vote.pool_title', { pool: ballot.pool.name })} back={{ href: `${base}/glosuj`, label: t('budget.vote.title', { name: ballot.edition.name }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={ballotLabels(ctx, ballot.edition, ballot.projects)} />
      {ballot.open ? (
        <Form ctx={ctx} action={`${base}/glosuj/${ballot.pool.id}`}>
          <BallotFields ctx={ctx} form={form} edition={ballot.edition} projects={ballot.projects} />
          <PeselField ctx={ctx} form={form} edition={ballot.edition} />
          {ballot.edition.change_allowed ? (
            <>
              <p>{t('budget.vote.change_lead')}</p>
              <TextField ctx={ctx} form={form} name="change_code" label={t('budget.vote.change_field')} autocomplete="off" />
            </>
          ) : null}
          <button type="submit">{t('budget.vote.next')}</button>
        </Form>
      ) : (
        <p>{t('budget.vote.closed')}</p>
      )}
    </PageLayout>
  );
}

/** The one confirmation step: the choice in words, and the same values sent again with `confirmed=yes`. */
export function ConfirmVotePage(props: { ctx: PageContext; ballot: BallotContext; receipt: Receipt; values: FormState['values'] }) {
  const { ctx, ballot, receipt } = props;
  const { t } = ctx.i18n;
  const action = `${budgetBase(ctx)}/${ballot.edition.id}/glosuj/${ballot.pool.id}`;
  return (
    <PageLayout ctx={ctx} title={t('budget.vote.confirm_title')}>
      <p>{ballot.edition.change_allowed ? t('budget.vote.confirm_lead_change') : t('budget.vote.confirm_lead')}</p>
      <Choices ctx={ctx} receipt={receipt} />
      <Form ctx={ctx} action={action}>
        <HiddenValues values={props.values} />
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit">{t('budget.vote.confirm')}</button>
      </Form>
      <Form ctx={ctx} action={`${action}/popraw`}>
        <HiddenValues values={props.values} />
        <button type="submit" class="secondary">
          {t('budget.vote.correct')}
        </button>
      </Form>
    </PageLayout>
  );
}

function Choices(props: { ctx: PageContext; receipt: Receipt }) {
  const { t } = props.ctx.i18n;
  return (
    <ol class="choices">
      {props.receipt.choices.map((c) => (
        <li>
          {c.title}
          {c.points !== null ? ` — ${t('budget.vote.points_n', { points: c.points })}` : ''}
        </li>
      ))}
    </ol>
  );
}

export function ReceiptPage(props: { ctx: PageContext; editionId: string; receipt: Receipt }) {
  const { ctx, receipt } = props;
  const { t } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('budget.vote.receipt_title')} back={{ href: `${budgetBase(ctx)}/${props.editionId}`, label: t('budget.back_edition') }}>
      <p>{t('budget.vote.receipt_lead', { pool: receipt.pool.name })}</p>
      <Choices ctx={ctx} receipt={receipt} />
      {receipt.changeCode ? (
        <>
          <p>
            <strong>{t('budget.vote.change_code', { code: receipt.changeCode })}</strong>
          </p>
          <p>{t('budget.vote.change_code_hint')}</p>
        </>
      ) : null}
      <p>{t('budget.vote.receipt_secret')}</p>
    </PageLayout>
  );
}
