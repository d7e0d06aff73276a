import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { ProjectRow } from '../domain';
import type { PaperEntryRow } from '../repository-votes';
import type { BallotContext } from '../service-vote';
import { ballotLabels, BallotFields, PeselField } from './ballot';
import { budgetBase } from './common';

export function PaperDeskPage(props: { ctx: PageContext; ballot: Omit<BallotContext, 'pool'>; pending: PaperEntryRow[]; projects: ProjectRow[]; userId: string }) {
  const { ctx, ballot } = props;
  const { t } = ctx.i18n;
  const base = `${budgetBase(ctx)}/${ballot.edition.id}/karty`;
  const titles = new Map(props.projects.map((p) => [p.id, p.title]));
  const pools = new Map(ballot.pools.map((p) => [p.id, p.name]));
  return (
    <PageLayout ctx={ctx} title={t('budget.paper.title', { name: ballot.edition.name })} back={{ href: `${budgetBase(ctx)}/${ballot.edition.id}`, label: t('budget.back_edition') }}>
      <p>{t('budget.paper.lead')}</p>
      {ballot.open ? (
        <ul class="links">
          {ballot.pools.map((p) => (
            <li>
              <a href={`${base}/${p.id}`}>{t('budget.paper.enter', { pool: p.name })}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('budget.vote.closed')}</p>
      )}
      <h2>{t('budget.paper.pending')}</h2>
      <Table
        id="pending"
        caption={t('budget.paper.pending')}
        captionHidden
        rows={props.pending}
        empty={t('budget.paper.pending_empty')}
        columns={[
          { header: t('budget.paper.col.entered'), rowHeader: true, cell: (e) => ctx.i18n.dateTime(e.entered_at) },
          { header: t('budget.paper.col.pool'), cell: (e) => pools.get(e.pool_id) ?? '' },
          { header: t('budget.paper.col.choice'), cell: (e) => e.projects.map((id, i) => `${titles.get(id) ?? id}${e.points ? ` (${e.points[i]})` : ''}`).join('; ') },
          {
            header: t('budget.paper.col.action'),
            cell: (e) =>
              e.entered_by === props.userId ? (
                t('budget.paper.yours')
              ) : (
                <>
                  <Form ctx={ctx} action={`${base}/wpisy/${e.id}/potwierdz`}>
                    <button type="submit">{t('budget.paper.confirm')}</button>
                  </Form>
                  <Form ctx={ctx} action={`${base}/wpisy/${e.id}/odrzuc`}>
                    <button type="submit" class="secondary">
                      {t('budget.paper.reject')}
                    </button>
                  </Form>
                </>
              ),
          },
        ]}
      />
    </PageLayout>
  );
}

export function PaperEntryPage(props: { ctx: PageContext; ballot: BallotContext; form: FormState }) {
  const { ctx, ballot, form } = props;
  const { t } = ctx.i18n;
  const base = `${budgetBase(ctx)}/${ballot.edition.id}/karty`;
  return (
    <PageLayout ctx={ctx} title={t('budget.paper.enter', { pool: ballot.pool.name })} back={{ href: base, label: t('budget.paper.title', { name: ballot.edition.name }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={ballotLabels(ctx, ballot.edition, ballot.projects)} />
      <Form ctx={ctx} action={`${base}/${ballot.pool.id}`}>
        <PeselField ctx={ctx} form={form} edition={ballot.edition} />
        <BallotFields ctx={ctx} form={form} edition={ballot.edition} projects={ballot.projects} />
        <button type="submit">{t('budget.vote.next')}</button>
      </Form>
    </PageLayout>
  );
}
