import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { CaseRow, PlanContents, PlanRow } from '../domain';
import type { ResidentPlanRow } from '../repository-records';
import { statusLabel } from './common';
import { PlanFacts } from './facts';
import { PlanSections } from './sections';

const myBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/my/plans`;

/** "Mój plan": the resident's approved, earlier and closed plans. */
export function MyPlansPage(props: { ctx: PageContext; list: ResidentPlanRow[] }) {
  const { ctx, list } = props;
  const { t, date } = ctx.i18n;
  return (
    <PageLayout ctx={ctx} title={t('care_plan.mine.title')}>
      <p>{t('care_plan.mine.intro')}</p>
      {list.length === 0 ? (
        <p class="empty-state">{t('care_plan.mine.empty')}</p>
      ) : (
        <ul class="results">
          {list.map((p) => (
            <li class="result">
              <h2>
                <a href={`${myBase(ctx)}/${p.plan_id}`}>{t('care_plan.mine.item', { number: p.case_number, revision: p.revision })}</a>
              </h2>
              <p>
                {statusLabel(ctx, p.status)} — {t('care_plan.validity')}: {date(p.valid_from)} – {date(p.valid_until)}
              </p>
              <p>{t('care_plan.mine.coordinator', { name: p.coordinator_name })}</p>
            </li>
          ))}
        </ul>
      )}
    </PageLayout>
  );
}

/** One plan of the resident, whole: what the centre wrote about them is theirs to read, monitoring notes included. */
export function MyPlanPage(props: { ctx: PageContext; case: CaseRow; plan: PlanRow; contents: PlanContents; today: string }) {
  const { ctx, plan } = props;
  const { t } = ctx.i18n;
  const href = `${myBase(ctx)}/${plan.id}`;
  return (
    <PageLayout ctx={ctx} title={t('care_plan.mine.plan_title', { number: props.case.number })} back={{ href: myBase(ctx), label: t('care_plan.mine.back') }}>
      <p>{t('care_plan.mine.coordinator', { name: props.case.coordinator_name })}</p>
      <PlanFacts ctx={ctx} plan={plan} today={props.today} />
      <ul class="links">
        <li>
          <a href={`${href}.pdf`}>{t('care_plan.pdf.link')}</a>
        </li>
      </ul>
      <PlanSections ctx={ctx} plan={plan} contents={props.contents} editing={null} today={props.today} />
    </PageLayout>
  );
}
