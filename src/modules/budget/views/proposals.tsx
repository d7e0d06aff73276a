import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { NumberField, SelectField, TextArea, InputField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { EditionRow, PoolRow } from '../domain';
import { CHECKS, type ProposalRow, type VerificationRow } from '../proposals-domain';
import { COST_LINE_ROWS, lineAmount, lineItem } from '../proposals-form';
import type { EditionProposals, ProposalView } from '../proposals-service';
import { budgetBase, zl } from './common';

/** Residents' pages: the edition's proposals, the proposal form, a proposal with its support, verdict and appeal. */

export const statusText = (ctx: PageContext, p: Pick<ProposalRow, 'status'>) => ctx.i18n.t(`budget.proposal.status.${p.status}` as MessageKey);

export function SupportProgress(props: { ctx: PageContext; supporters: number; threshold: number }) {
  const { ctx, supporters, threshold } = props;
  const { t } = ctx.i18n;
  if (threshold <= 0) return <p>{t('budget.support.count', { count: supporters })}</p>;
  return (
    <p>
      <label>
        {t('budget.support.progress', { count: supporters, threshold })}{' '}
        <progress max={threshold} value={Math.min(supporters, threshold)}>
          {Math.min(100, Math.round((supporters * 100) / threshold))}%
        </progress>
      </label>
      {supporters >= threshold ? ` ${t('budget.support.reached')}` : ''}
    </p>
  );
}

export function ProposalsPage(props: { ctx: PageContext; view: EditionProposals; staff: boolean }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const e = view.edition;
  const base = budgetBase(ctx);
  const poolName = new Map(view.pools.map((p) => [p.id, p]));
  return (
    <PageLayout ctx={ctx} title={t('budget.proposals.title', { name: e.name })} back={{ href: `${base}/${e.id}`, label: t('budget.back_edition') }}>
      <p>{view.proposalsOpen ? t('budget.proposals.open') : t('budget.proposals.closed')}</p>
      <ul class="links">
        {view.proposalsOpen ? (
          <li>
            <a href={`${base}/${e.id}/wnioski/nowy`}>{t('budget.proposals.new')}</a>
          </li>
        ) : null}
        {props.staff ? (
          <li>
            <a href={`${base}/${e.id}/weryfikacja`}>{t('budget.verification.desk')}</a>
          </li>
        ) : null}
      </ul>
      <Table
        id="proposals"
        caption={t('budget.proposals.table')}
        rows={view.proposals}
        empty={t('budget.proposals.empty')}
        columns={[
          { header: t('budget.proposal.title'), rowHeader: true, cell: (p) => <a href={`${base}/wnioski/${p.id}`}>{p.title}</a> },
          { header: t('budget.project.pool'), cell: (p) => poolName.get(p.pool_id)?.name ?? '' },
          { header: t('budget.project.cost'), numeric: true, cell: (p) => zl(ctx, p.cost) },
          { header: t('budget.support.title'), numeric: true, cell: (p) => `${p.supporters} / ${poolName.get(p.pool_id)?.threshold ?? 0}` },
          { header: t('budget.proposal.status'), cell: (p) => statusText(ctx, p) },
        ]}
      />
    </PageLayout>
  );
}

export function proposalLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = {
    pool_id: t('budget.project.pool'), title: t('budget.proposal.title'), description: t('budget.proposal.description'), place: t('budget.project.place'),
  };
  for (let i = 0; i < COST_LINE_ROWS; i++) {
    labels[lineItem(i)] = t('budget.proposal.line_item', { n: i + 1 });
    labels[lineAmount(i)] = t('budget.proposal.line_amount', { n: i + 1 });
  }
  return labels;
}

export function ProposalFormPage(props: { ctx: PageContext; edition: EditionRow; pools: PoolRow[]; open: boolean; form: FormState; proposalId: string | null }) {
  const { ctx, edition, form } = props;
  const { t } = ctx.i18n;
  const base = budgetBase(ctx);
  const action = props.proposalId ? `${base}/wnioski/${props.proposalId}/edytuj` : `${base}/${edition.id}/wnioski/nowy`;
  const labels = proposalLabels(ctx);
  return (
    <PageLayout
      ctx={ctx}
      title={props.proposalId ? t('budget.proposal.edit') : t('budget.proposals.new')}
      back={{ href: props.proposalId ? `${base}/wnioski/${props.proposalId}` : `${base}/${edition.id}/wnioski`, label: t('budget.proposals.title', { name: edition.name }) }}
    >
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.open ? null : <p>{t('budget.proposals.closed')}</p>}
      <p>{t('budget.proposal.lead')}</p>
      <Form ctx={ctx} action={action}>
        {form.values.version ? <input type="hidden" name="version" value={String(form.values.version)} /> : null}
        <SelectField ctx={ctx} form={form} name="pool_id" label={labels.pool_id!} required options={props.pools.map((p) => ({ value: p.id, label: `${p.name} (${zl(ctx, p.budget)})` }))} />
        <InputField ctx={ctx} form={form} name="title" label={labels.title!} required />
        <TextArea ctx={ctx} form={form} name="description" label={labels.description!} required rows={8} hint={t('budget.proposal.description_hint')} />
        <InputField ctx={ctx} form={form} name="place" label={labels.place!} required hint={t('budget.proposal.place_hint')} />
        <fieldset id="f-cost-lines">
          <legend>{t('budget.project.cost_lines')}</legend>
          <p class="hint">{t('budget.proposal.lines_hint')}</p>
          {Array.from({ length: COST_LINE_ROWS }, (_, i) => (
            <div class="field-row">
              <InputField ctx={ctx} form={form} name={lineItem(i)} label={labels[lineItem(i)]!} />
              <NumberField ctx={ctx} form={form} name={lineAmount(i)} label={labels[lineAmount(i)]!} />
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('budget.proposal.save_draft')}</button>
      </Form>
    </PageLayout>
  );
}

function Verdict(props: { ctx: PageContext; v: VerificationRow }) {
  const { ctx, v } = props;
  const { t } = ctx.i18n;
  return (
    <dl class="facts">
      {CHECKS.map((c) => {
        const ok = v[`${c}_ok`];
        const reason = v[`${c}_reason`];
        return (
          <>
            <dt>{t(`budget.check.${c}`)}</dt>
            <dd>
              {ok === null ? t('budget.check.pending') : ok ? t('budget.check.passed') : t('budget.check.failed')}
              {reason ? `: ${reason}` : ''}
            </dd>
          </>
        );
      })}
    </dl>
  );
}

export function ProposalPage(props: { ctx: PageContext; view: ProposalView; staff: boolean; form: FormState }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const p = view.proposal;
  const v = view.verification;
  const base = budgetBase(ctx);
  const published = v && v.status === 'published' ? v : null;
  return (
    <PageLayout ctx={ctx} title={p.title} back={{ href: `${base}/${view.edition.id}/wnioski`, label: t('budget.proposals.title', { name: view.edition.name }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={{ appeal_text: t('budget.appeal.text') }} />
      <dl class="facts">
        <dt>{t('budget.proposal.status')}</dt>
        <dd>{statusText(ctx, p)}</dd>
        <dt>{t('budget.project.edition')}</dt>
        <dd>{view.edition.name}</dd>
        <dt>{t('budget.project.pool')}</dt>
        <dd>{view.pool.name}</dd>
        <dt>{t('budget.project.place')}</dt>
        <dd>{p.place}</dd>
        <dt>{t('budget.project.cost')}</dt>
        <dd>{zl(ctx, p.cost)}</dd>
      </dl>
      <p class="prewrap">{p.description}</p>
      <Table
        id="cost-lines"
        caption={t('budget.project.cost_lines')}
        rows={view.lines}
        empty=""
        columns={[
          { header: t('budget.project.cost_line'), rowHeader: true, cell: (l) => l.item },
          { header: t('budget.project.amount'), numeric: true, cell: (l) => zl(ctx, l.amount) },
        ]}
      />
      {p.project_id ? (
        <p>
          <a href={`${base}/projekty/${p.project_id}`}>{t('budget.proposal.on_ballot_link')}</a>
        </p>
      ) : null}
      {p.status === 'draft' && view.isAuthor ? (
        <section aria-labelledby="draft">
          <h2 id="draft">{t('budget.proposal.draft_title')}</h2>
          <p>{view.proposalsOpen ? t('budget.proposal.draft_lead') : t('budget.proposals.closed')}</p>
          <ul class="links">
            <li>
              <a href={`${base}/wnioski/${p.id}/edytuj`}>{t('budget.proposal.edit')}</a>
            </li>
          </ul>
          <Form ctx={ctx} action={`${base}/wnioski/${p.id}/zloz`}>
            <input type="hidden" name="version" value={String(p.version)} />
            <button type="submit">{t('budget.proposal.submit')}</button>
          </Form>
        </section>
      ) : null}
      {p.status !== 'draft' ? (
        <section aria-labelledby="support">
          <h2 id="support">{t('budget.support.title')}</h2>
          <SupportProgress ctx={ctx} supporters={p.supporters} threshold={view.pool.threshold} />
          {view.supported ? (
            <p>{t('budget.support.yours')}</p>
          ) : view.supportOpen && p.status === 'submitted' ? (
            <Form ctx={ctx} action={`${base}/wnioski/${p.id}/popieram`}>
              <button type="submit">{t('budget.support.sign')}</button>
            </Form>
          ) : (
            <p>{t('budget.support.closed')}</p>
          )}
        </section>
      ) : null}
      {published ? (
        <section aria-labelledby="verdict">
          <h2 id="verdict">{t('budget.verification.title')}</h2>
          <p>
            {t(published.verdict === 'positive' ? 'budget.verification.positive' : 'budget.verification.negative', { date: ctx.i18n.dateTime(published.published_at!) })}
          </p>
          <Verdict ctx={ctx} v={published} />
          {published.appeal_text ? (
            <>
              <h3>{t('budget.appeal.title')}</h3>
              <p class="prewrap">{published.appeal_text}</p>
              {published.appeal_decision ? (
                <p>
                  {t(`budget.appeal.decision.${published.appeal_decision}`)}: {published.appeal_reason}
                </p>
              ) : (
                <p>{t('budget.appeal.pending')}</p>
              )}
            </>
          ) : published.appeal_until ? (
            <p>{t('budget.appeal.until', { date: ctx.i18n.dateTime(published.appeal_until) })}</p>
          ) : null}
          {view.canAppeal ? (
            <Form ctx={ctx} action={`${base}/wnioski/${p.id}/odwolanie`}>
              <input type="hidden" name="version" value={String(published.version)} />
              <TextArea ctx={ctx} form={form} name="appeal_text" label={t('budget.appeal.text')} required rows={6} />
              <button type="submit">{t('budget.appeal.send')}</button>
            </Form>
          ) : null}
        </section>
      ) : null}
      {props.staff ? (
        <p>
          <a href={`${base}/wnioski/${p.id}/weryfikacja`}>{t('budget.verification.open')}</a>
        </p>
      ) : null}
    </PageLayout>
  );
}
export { Verdict };
