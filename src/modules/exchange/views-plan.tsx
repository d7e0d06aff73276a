import { ConflictPanel, conflictOf } from '../../platform/ui/conflict';
import { Checkbox, TextArea } from '../../platform/ui/fields';
import { ErrorSummary, Form } from '../../platform/ui/forms';
import { emptyForm, type FormState, type PageContext } from '../../platform/ui/context';
import type { PlanRow } from './repository';

type OtherPlan = PlanRow & { name: string; letter?: string };
const FIELDS = ['learned', 'goals', 'actions', 'shared'] as const;

/** Lines of a plan's text as paragraphs, or an action list (one a line). */
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

function PlanText(props: { ctx: PageContext; plan: PlanRow }) {
  const { t } = props.ctx.i18n;
  const { plan } = props;
  return (
    <dl class="facts">
      <dt>{t('exchange.plan.field.learned')}</dt>
      <dd>{plan.learned || '—'}</dd>
      <dt>{t('exchange.plan.field.goals')}</dt>
      <dd>{plan.goals}</dd>
      <dt>{t('exchange.plan.field.actions')}</dt>
      <dd>
        {lines(plan.actions).length ? (
          <ul>
            {lines(plan.actions).map((a) => (
              <li>{a}</li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  );
}

/**
 * After the comparison: the municipality's own improvement plan (a form for its delegates; a stale save shows the
 * saved plan beside what was typed) and the plans other members shared, named as the group's rule says.
 */
export function PlanSection(props: { ctx: PageContext; roundId: string; own: PlanRow | undefined; others: OtherPlan[]; form?: FormState }) {
  const { ctx, own, others } = props;
  const { t } = ctx.i18n;
  const labels: Record<(typeof FIELDS)[number], string> = { learned: t('exchange.plan.field.learned'), goals: t('exchange.plan.field.goals'), actions: t('exchange.plan.field.actions'), shared: t('exchange.plan.field.shared') };
  const saved: Record<string, string> = own ? { learned: own.learned, goals: own.goals, actions: own.actions, shared: own.shared ? '1' : '', version: String(own.version) } : { version: '0' };
  const form = props.form ?? emptyForm(saved);
  const conflict = props.form?.message && own ? conflictOf(FIELDS, form.values, saved, own.version) : undefined;
  return (
    <section aria-labelledby="plan">
      <h2 id="plan">{t('exchange.plan')}</h2>
      <p>{t('exchange.plan_intro')}</p>
      {own ? <p class="hint">{t('exchange.plan_updated', { day: ctx.i18n.date(own.updated_at) })}</p> : <p>{t('exchange.plan_none_yet')}</p>}
      {conflict ? <ConflictPanel ctx={ctx} conflict={conflict} labels={labels} /> : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/${ctx.municipality!.slug}/wymiana/rundy/${props.roundId}/plan`} class="admin-form">
        <input type="hidden" name="version" value={saved.version!} />
        <TextArea ctx={ctx} form={form} name="learned" label={labels.learned} rows={4} />
        <TextArea ctx={ctx} form={form} name="goals" label={labels.goals} rows={4} required />
        <TextArea ctx={ctx} form={form} name="actions" label={labels.actions} rows={5} />
        <Checkbox ctx={ctx} form={form} name="shared" label={t('exchange.plan.shared_yes')} />
        <p class="admin-actions">
          <button type="submit">{t('exchange.plan_save')}</button>
        </p>
      </Form>
      <h2>{t('exchange.plans_others')}</h2>
      {others.length === 0 ? <p>{t('exchange.plans_others_none')}</p> : null}
      {others.map((p) => (
        <section>
          <h3>{p.letter ? t('exchange.anonymous', { letter: p.letter }) : p.name}</h3>
          <PlanText ctx={ctx} plan={p} />
        </section>
      ))}
    </section>
  );
}
