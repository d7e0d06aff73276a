import type { PageContext } from '../../../platform/ui/context';
import { Table } from '../../../platform/ui/table';
import type { CaseRow, PlanRow } from '../domain';
import type { RevisionRow } from '../repository';
import { DeadlineText, statusLabel } from './common';

/** Whose plan and the 30-day deadline: shown to staff above the plan (the resident sees their own name elsewhere). */
export function CaseFacts(props: { ctx: PageContext; case: CaseRow; approved: boolean; today: string }) {
  const { ctx, case: c } = props;
  const { t, date } = ctx.i18n;
  return (
    <dl class="facts">
      <dt>{t('care_plan.pdf.resident')}</dt>
      <dd>{c.birth_year !== null ? t('care_plan.pdf.resident_born', { name: c.person_name, year: c.birth_year }) : c.person_name}</dd>
      <dt>{t('care_plan.coordinator')}</dt>
      <dd>{c.coordinator_name}</dd>
      {c.needs_plan && c.plan_due_on ? (
        <>
          <dt>{t('care_plan.due')}</dt>
          <dd>{props.approved ? t('care_plan.due_met', { date: date(c.plan_due_on) }) : <DeadlineText ctx={ctx} day={c.plan_due_on} today={props.today} />}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The plan's own facts: revision and status, validity (with its expiry in words while in force), who drew it up and approved it. */
export function PlanFacts(props: { ctx: PageContext; plan: PlanRow; today: string }) {
  const { ctx, plan: p } = props;
  const { t, date, dateTime } = ctx.i18n;
  return (
    <dl class="facts plan-facts">
      <dt>{t('care_plan.status_label')}</dt>
      <dd>
        {statusLabel(ctx, p.status)} — {t('care_plan.revision', { revision: p.revision })}
      </dd>
      <dt>{t('care_plan.validity')}</dt>
      <dd>
        {date(p.valid_from)} – {p.status === 'approved' ? <DeadlineText ctx={ctx} day={p.valid_until} today={props.today} /> : date(p.valid_until)}
      </dd>
      <dt>{t('care_plan.author')}</dt>
      <dd>{p.author_name}</dd>
      {p.submitted_at ? (
        <>
          <dt>{t('care_plan.submitted_at')}</dt>
          <dd>{dateTime(p.submitted_at)}</dd>
        </>
      ) : null}
      {p.approved_at ? (
        <>
          <dt>{t('care_plan.approved')}</dt>
          <dd>{t('care_plan.approved_by', { who: p.approver_name ?? '—', when: dateTime(p.approved_at) })}</dd>
        </>
      ) : null}
      {p.closed_at ? (
        <>
          <dt>{t('care_plan.closed')}</dt>
          <dd>{t('care_plan.closed_by', { who: p.closer_name ?? '—', when: dateTime(p.closed_at) })}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Every revision of the case's plan, newest first, each a link to its page. */
export function Revisions(props: { ctx: PageContext; revisions: RevisionRow[]; href: (id: string) => string; current: string | undefined }) {
  const { ctx } = props;
  const { t, date } = ctx.i18n;
  if (props.revisions.length === 0) return null;
  return (
    <>
      <h2 id="revisions">{t('care_plan.revisions')}</h2>
      <Table
        id="revisions-table"
        caption={t('care_plan.revisions')}
        captionHidden
        rows={props.revisions}
        empty={t('care_plan.none')}
        columns={[
          {
            header: t('care_plan.col.revision'),
            rowHeader: true,
            cell: (r) => (
              <a href={props.href(r.id)} aria-current={r.id === props.current ? 'page' : undefined}>
                {t('care_plan.revision', { revision: r.revision })}
              </a>
            ),
          },
          { header: t('care_plan.status_label'), cell: (r) => statusLabel(ctx, r.status) },
          { header: t('care_plan.validity'), cell: (r) => `${date(r.valid_from)} – ${date(r.valid_until)}` },
        ]}
      />
    </>
  );
}
