import type { FormState, PageContext } from '../../../platform/ui/context';
import { Checkbox, InputField, NumberField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { BALLOT_KINDS, PHASES, RULES } from '../domain';
import { CHECKS, verdictOf } from '../proposals-domain';
import { phaseField, poolField, POOL_ROWS } from '../proposals-form';
import type { EditionProposals, ProposalView } from '../proposals-service';
import { budgetBase, phaseName, zl } from './common';
import { statusText, SupportProgress, Verdict } from './proposals';

/** Staff pages: the verification desk, one proposal's verification and appeal, a new edition. */

export function VerificationDeskPage(props: { ctx: PageContext; view: EditionProposals }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const base = budgetBase(ctx);
  const pools = new Map(view.pools.map((p) => [p.id, p]));
  const rows = view.proposals.filter((p) => p.status !== 'draft');
  return (
    <PageLayout ctx={ctx} title={t('budget.verification.desk_title', { name: view.edition.name })} back={{ href: `${base}/${view.edition.id}`, label: t('budget.back_edition') }}>
      <p>{t('budget.verification.desk_lead')}</p>
      <Table
        id="to-verify"
        caption={t('budget.verification.desk')}
        captionHidden
        rows={rows}
        empty={t('budget.proposals.empty')}
        columns={[
          { header: t('budget.proposal.title'), rowHeader: true, cell: (p) => <a href={`${base}/wnioski/${p.id}/weryfikacja`}>{p.title}</a> },
          { header: t('budget.project.pool'), cell: (p) => pools.get(p.pool_id)?.name ?? '' },
          { header: t('budget.project.cost'), numeric: true, cell: (p) => zl(ctx, p.cost) },
          { header: t('budget.support.title'), numeric: true, cell: (p) => `${p.supporters} / ${pools.get(p.pool_id)?.threshold ?? 0}` },
          { header: t('budget.proposal.status'), cell: (p) => statusText(ctx, p) },
        ]}
      />
    </PageLayout>
  );
}

export function VerificationPage(props: { ctx: PageContext; view: ProposalView; form: FormState; userId: string }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const p = view.proposal;
  const v = view.verification;
  const base = budgetBase(ctx);
  const labels: Record<string, string> = Object.fromEntries(
    CHECKS.flatMap((c) => [[`${c}_ok`, t(`budget.check.${c}`)], [`${c}_reason`, t('budget.check.reason', { check: t(`budget.check.${c}`) })]]),
  );
  labels.decision = t('budget.appeal.decision');
  labels.appeal_reason = t('budget.appeal.reason');
  const own = p.author_id === props.userId;
  const editable = !own && p.status === 'submitted' && (!v || v.status === 'draft');
  const verdict = v ? verdictOf(v) : null;
  return (
    <PageLayout ctx={ctx} title={t('budget.verification.page_title', { title: p.title })} back={{ href: `${base}/${view.edition.id}/weryfikacja`, label: t('budget.verification.desk') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <dl class="facts">
        <dt>{t('budget.proposal.status')}</dt>
        <dd>{statusText(ctx, p)}</dd>
        <dt>{t('budget.project.pool')}</dt>
        <dd>{view.pool.name}</dd>
        <dt>{t('budget.project.place')}</dt>
        <dd>{p.place}</dd>
        <dt>{t('budget.project.cost')}</dt>
        <dd>{zl(ctx, p.cost)}</dd>
      </dl>
      <p class="prewrap">{p.description}</p>
      <p>
        <a href={`${base}/wnioski/${p.id}`}>{t('budget.verification.public_page')}</a>
      </p>
      <SupportProgress ctx={ctx} supporters={p.supporters} threshold={view.pool.threshold} />
      {own ? <p class="notice">{t('errors.budget.own_proposal')}</p> : null}
      {editable ? (
        <>
          <h2>{t('budget.verification.title')}</h2>
          <Form ctx={ctx} action={`${base}/wnioski/${p.id}/weryfikacja`}>
            <input type="hidden" name="version" value={String(form.values.version ?? '')} />
            {CHECKS.map((c) => (
              <>
                <RadioGroup
                  ctx={ctx}
                  form={form}
                  name={`${c}_ok`}
                  label={labels[`${c}_ok`]!}
                  options={[
                    { value: 'yes', label: t('budget.check.passed') },
                    { value: 'no', label: t('budget.check.failed') },
                    { value: '', label: t('budget.check.pending') },
                  ]}
                />
                <TextArea ctx={ctx} form={form} name={`${c}_reason`} label={labels[`${c}_reason`]!} rows={3} />
              </>
            ))}
            <button type="submit">{t('budget.verification.save')}</button>
          </Form>
          {v ? (
            <>
              <h2>{t('budget.verification.publish_title')}</h2>
              <p>{verdict ? t(`budget.verification.will_be_${verdict}`) : t('budget.verification.incomplete')}</p>
              <Form ctx={ctx} action={`${base}/wnioski/${p.id}/weryfikacja/publikuj`}>
                <input type="hidden" name="version" value={String(v.version)} />
                <button type="submit">{t('budget.verification.publish')}</button>
              </Form>
            </>
          ) : null}
        </>
      ) : v && v.status === 'published' ? (
        <>
          <h2>{t('budget.verification.title')}</h2>
          <p>{t(v.verdict === 'positive' ? 'budget.verification.positive' : 'budget.verification.negative', { date: ctx.i18n.dateTime(v.published_at!) })}</p>
          <Verdict ctx={ctx} v={v} />
        </>
      ) : null}
      {v && v.appeal_text ? (
        <section aria-labelledby="appeal">
          <h2 id="appeal">{t('budget.appeal.title')}</h2>
          <p class="prewrap">{v.appeal_text}</p>
          {v.appeal_decision ? (
            <p>
              {t(`budget.appeal.decision.${v.appeal_decision}`)}: {v.appeal_reason}
            </p>
          ) : own || v.verified_by === props.userId ? (
            <p>{t('errors.budget.appeal_own_verdict')}</p>
          ) : (
            <Form ctx={ctx} action={`${base}/wnioski/${p.id}/odwolanie/rozstrzygnij`}>
              <input type="hidden" name="version" value={String(v.version)} />
              <RadioGroup
                ctx={ctx}
                form={form}
                name="decision"
                label={labels.decision}
                options={[
                  { value: 'upheld', label: t('budget.appeal.decision.upheld') },
                  { value: 'dismissed', label: t('budget.appeal.decision.dismissed') },
                ]}
              />
              <TextArea ctx={ctx} form={form} name="appeal_reason" label={labels.appeal_reason} required rows={4} />
              <button type="submit">{t('budget.appeal.decide')}</button>
            </Form>
          )}
        </section>
      ) : null}
    </PageLayout>
  );
}

export function NewEditionPage(props: { ctx: PageContext; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const labels: Record<string, string> = {
    name: t('budget.edition.name'), year: t('budget.edition.year'), ballot_kind: t('budget.ballot'), max_projects: t('budget.edition.max_projects'),
    max_points: t('budget.edition.max_points'), rule: t('budget.rule'), min_score: t('budget.edition.min_score'), age_limit: t('budget.edition.age_limit'),
    appeal_days: t('budget.edition.appeal_days'), change_allowed: t('budget.edition.change_allowed'), publish: t('budget.edition.publish'),
  };
  for (const ph of PHASES) {
    labels[phaseField(ph, 'from')] = t('budget.edition.phase_from', { phase: phaseName(ctx, ph) });
    labels[phaseField(ph, 'to')] = t('budget.edition.phase_to', { phase: phaseName(ctx, ph) });
  }
  for (let i = 0; i < POOL_ROWS; i++) {
    labels[poolField(i, 'name')] = t('budget.edition.pool_name', { n: i + 1 });
    labels[poolField(i, 'kind')] = t('budget.edition.pool_kind', { n: i + 1 });
    labels[poolField(i, 'budget')] = t('budget.edition.pool_budget', { n: i + 1 });
    labels[poolField(i, 'residents')] = t('budget.edition.pool_residents', { n: i + 1 });
    labels[poolField(i, 'threshold')] = t('budget.edition.pool_threshold', { n: i + 1 });
  }
  return (
    <PageLayout ctx={ctx} title={t('budget.edition.new')} back={{ href: budgetBase(ctx), label: t('budget.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${budgetBase(ctx)}/nowa-edycja`}>
        <InputField ctx={ctx} form={form} name="name" label={labels.name!} required hint={t('budget.edition.name_hint')} />
        <NumberField ctx={ctx} form={form} name="year" label={labels.year!} required />
        <SelectField ctx={ctx} form={form} name="ballot_kind" label={labels.ballot_kind!} required options={BALLOT_KINDS.map((k) => ({ value: k, label: t(`budget.edition.kind.${k}`) }))} />
        <NumberField ctx={ctx} form={form} name="max_projects" label={labels.max_projects!} />
        <NumberField ctx={ctx} form={form} name="max_points" label={labels.max_points!} hint={t('budget.edition.max_points_hint')} />
        <SelectField ctx={ctx} form={form} name="rule" label={labels.rule!} required options={RULES.map((r) => ({ value: r, label: t(`budget.rule.${r}`, { min: 'N' }) }))} />
        <NumberField ctx={ctx} form={form} name="min_score" label={labels.min_score!} />
        <NumberField ctx={ctx} form={form} name="age_limit" label={labels.age_limit!} />
        <NumberField ctx={ctx} form={form} name="appeal_days" label={labels.appeal_days!} hint={t('budget.edition.appeal_days_hint')} />
        <Checkbox ctx={ctx} form={form} name="change_allowed" label={labels.change_allowed!} />
        <fieldset>
          <legend>{t('budget.phases')}</legend>
          <p class="hint">{t('budget.edition.phases_hint')}</p>
          {PHASES.map((ph) => (
            <div class="field-row">
              <InputField ctx={ctx} form={form} type="date" name={phaseField(ph, 'from')} label={labels[phaseField(ph, 'from')]!} />
              <InputField ctx={ctx} form={form} type="date" name={phaseField(ph, 'to')} label={labels[phaseField(ph, 'to')]!} />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('budget.pools')}</legend>
          <p class="hint">{t('budget.edition.pools_hint')}</p>
          {Array.from({ length: POOL_ROWS }, (_, i) => (
            <div class="field-row">
              <InputField ctx={ctx} form={form} name={poolField(i, 'name')} label={labels[poolField(i, 'name')]!} />
              <SelectField
                ctx={ctx}
                form={form}
                name={poolField(i, 'kind')}
                label={labels[poolField(i, 'kind')]!}
                options={[
                  { value: 'district', label: t('budget.pool.district') },
                  { value: 'city', label: t('budget.pool.city') },
                ]}
              />
              <NumberField ctx={ctx} form={form} name={poolField(i, 'budget')} label={labels[poolField(i, 'budget')]!} />
              <NumberField ctx={ctx} form={form} name={poolField(i, 'residents')} label={labels[poolField(i, 'residents')]!} />
              <NumberField ctx={ctx} form={form} name={poolField(i, 'threshold')} label={labels[poolField(i, 'threshold')]!} />
            </div>
          ))}
        </fieldset>
        <Checkbox ctx={ctx} form={form} name="publish" label={labels.publish!} />
        <button type="submit">{t('budget.edition.create')}</button>
      </Form>
    </PageLayout>
  );
}
