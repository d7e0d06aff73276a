import type { MessageKey } from '../../platform/i18n';
import { BarChart } from '../../platform/ui/bar-chart';
import { ConfirmPage } from '../../platform/ui/confirm';
import type { FormState, PageContext } from '../../platform/ui/context';
import { InputField, RadioGroup, SelectField } from '../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../platform/ui/forms';
import { PageLayout } from '../../platform/ui/layout';
import { Table } from '../../platform/ui/table';
import { PlanSection } from './views-plan';
import { DEFINITIONS, INDICATORS, type Indicator } from './indicators';
import type { comparison, ComparisonCell, groupView, home } from './service';

export const exchangeBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/wymiana`;
const indicatorName = (ctx: PageContext, key: Indicator) => ctx.i18n.t(`exchange.indicator.${key}.name` as MessageKey);
const formatNumber = (ctx: PageContext, v: number) => new Intl.NumberFormat(ctx.i18n.locale === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 2 }).format(v);
const withUnit = (ctx: PageContext, key: Indicator, v: number) => ctx.i18n.t(`exchange.unit.${DEFINITIONS[key].unit}` as MessageKey, { value: formatNumber(ctx, v) });

function labelsOf(ctx: PageContext, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, ctx.i18n.t(`exchange.field.${f}` as MessageKey)]));
}

export type Forms = Partial<Record<'group' | 'join' | 'invite' | 'delegate' | 'sharing' | 'round', FormState>>;
const empty = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

/** The municipality's groups, invitations to answer, and (directors, administrators) a new group. */
export function HomePage(props: { ctx: PageContext; view: Awaited<ReturnType<typeof home>>; manager: boolean; form?: FormState }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const base = exchangeBase(ctx);
  const form = props.form ?? empty({ named: 'named', min_count: '5' });
  const labels = labelsOf(ctx, ['theme', 'cadence', 'named', 'min_count', 'population']);
  return (
    <PageLayout ctx={ctx} title={t('exchange.title')}>
      <p>{t('exchange.intro')}</p>
      <h2>{t('exchange.groups')}</h2>
      <Table
        id="exchange-groups"
        caption={t('exchange.groups')}
        captionHidden
        rows={view.groups}
        empty={t('exchange.groups_empty')}
        columns={[
          { header: t('exchange.field.theme'), rowHeader: true, cell: (g) => <a href={`${base}/grupy/${g.id}`}>{g.theme}</a> },
          { header: t('exchange.convener'), cell: (g) => g.convener_name },
          { header: t('exchange.field.cadence'), cell: (g) => g.cadence },
          { header: t('exchange.members_count'), numeric: true, cell: (g) => String(g.members) },
        ]}
      />
      {view.invited.length > 0 ? (
        <>
          <h2>{t('exchange.invitations')}</h2>
          <ul>
            {view.invited.map((g) => (
              <li>
                <a href={`${base}/grupy/${g.id}`}>{t('exchange.invitation', { theme: g.theme, convener: g.convener_name })}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.manager ? (
        <>
          <h2>{t('exchange.new_group')}</h2>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={`${base}/grupy`} class="admin-form">
            <TextField ctx={ctx} form={form} name="theme" label={labels.theme!} hint={t('exchange.hint.theme')} required />
            <TextField ctx={ctx} form={form} name="cadence" label={labels.cadence!} hint={t('exchange.hint.cadence')} />
            <RadioGroup
              ctx={ctx}
              form={form}
              name="named"
              label={labels.named!}
              options={[
                { value: 'named', label: t('exchange.named.named') },
                { value: 'anonymised', label: t('exchange.named.anonymised') },
              ]}
            />
            <InputField ctx={ctx} form={form} name="min_count" label={labels.min_count!} hint={t('exchange.hint.min_count')} inputmode="numeric" size="short" required />
            <InputField ctx={ctx} form={form} name="population" label={labels.population!} hint={t('exchange.hint.population')} inputmode="numeric" size="medium" required />
            <p class="admin-actions">
              <button type="submit">{t('exchange.create')}</button>
            </p>
          </Form>
        </>
      ) : null}
    </PageLayout>
  );
}

type GroupView = Awaited<ReturnType<typeof groupView>>;

/** One group: its members, the municipality's delegates and consent, the rounds; an invited municipality's answer. */
export function GroupPage(props: { ctx: PageContext; view: GroupView; manager: boolean; forms?: Forms }) {
  const { ctx, view, manager } = props;
  const { t } = ctx.i18n;
  const base = exchangeBase(ctx);
  const g = view.group;
  const forms = props.forms ?? {};
  const convener = view.me !== undefined && g.municipality_id === view.me.municipality_id;
  const facts = (
    <dl class="facts">
      <dt>{t('exchange.convener')}</dt>
      <dd>{g.convener_name}</dd>
      <dt>{t('exchange.field.cadence')}</dt>
      <dd>{g.cadence || '—'}</dd>
      <dt>{t('exchange.field.named')}</dt>
      <dd>{t(g.named ? 'exchange.named.named' : 'exchange.named.anonymised')}</dd>
      <dt>{t('exchange.field.min_count')}</dt>
      <dd>{String(g.min_count)}</dd>
    </dl>
  );
  if (view.invited) {
    const form = forms.join ?? empty();
    return (
      <PageLayout ctx={ctx} title={g.theme} back={{ href: base, label: t('exchange.back') }}>
        {facts}
        <p>{t('exchange.join_intro')}</p>
        {manager ? (
          <>
            <ErrorSummary ctx={ctx} form={form} labels={labelsOf(ctx, ['population'])} />
            <Form ctx={ctx} action={`${base}/grupy/${g.id}/przystapienie`} class="admin-form">
              <InputField ctx={ctx} form={form} name="population" label={t('exchange.field.population')} hint={t('exchange.hint.population')} inputmode="numeric" size="medium" required />
              <p class="admin-actions">
                <button type="submit">{t('exchange.join')}</button>
              </p>
            </Form>
          </>
        ) : (
          <p>{t('exchange.join_manager_only')}</p>
        )}
      </PageLayout>
    );
  }
  const sharingForm = forms.sharing ?? empty({ indicators: view.shared, version: String(view.me!.sharing_version) });
  return (
    <PageLayout ctx={ctx} title={g.theme} back={{ href: base, label: t('exchange.back') }}>
      {facts}
      <h2>{t('exchange.members')}</h2>
      <ul>
        {view.members.map((x) => (
          <li>{x.name}</li>
        ))}
      </ul>
      {view.pending.length > 0 ? <p>{t('exchange.pending', { names: view.pending.map((p) => p.name).join(', ') })}</p> : null}
      {convener && manager ? (
        <>
          <h3>{t('exchange.invite')}</h3>
          <ErrorSummary ctx={ctx} form={forms.invite ?? empty()} labels={labelsOf(ctx, ['slug'])} />
          <Form ctx={ctx} action={`${base}/grupy/${g.id}/zaproszenia`} class="admin-form">
            <TextField ctx={ctx} form={forms.invite ?? empty()} name="slug" label={t('exchange.field.slug')} hint={t('exchange.hint.slug')} required />
            <p class="admin-actions">
              <button type="submit">{t('exchange.invite_send')}</button>
            </p>
          </Form>
        </>
      ) : null}

      <h2>{t('exchange.rounds')}</h2>
      {view.rounds.length === 0 ? <p>{t('exchange.rounds_empty')}</p> : null}
      <ul>
        {view.rounds.map((r) => (
          <li>
            {view.delegate ? <a href={`${base}/rundy/${r.id}`}>{r.label}</a> : r.label} — {t('exchange.period', { from: r.period_from, to: r.period_to })}
          </li>
        ))}
      </ul>
      {!view.delegate ? <p>{t('exchange.delegates_only')}</p> : null}
      {convener && manager ? (
        <>
          <h3>{t('exchange.new_round')}</h3>
          <ErrorSummary ctx={ctx} form={forms.round ?? empty()} labels={labelsOf(ctx, ['label', 'period_from', 'period_to'])} />
          <Form ctx={ctx} action={`${base}/grupy/${g.id}/rundy`} class="admin-form">
            <TextField ctx={ctx} form={forms.round ?? empty()} name="label" label={t('exchange.field.label')} required />
            <TextField ctx={ctx} form={forms.round ?? empty()} name="period_from" type="date" label={t('exchange.field.period_from')} required />
            <TextField ctx={ctx} form={forms.round ?? empty()} name="period_to" type="date" label={t('exchange.field.period_to')} required />
            <p class="admin-actions">
              <button type="submit">{t('exchange.round_open')}</button>
            </p>
          </Form>
        </>
      ) : null}

      <h2>{t('exchange.delegates')}</h2>
      <p>{view.delegates.length ? view.delegates.map((d) => d.display_name).join(', ') : t('exchange.delegates_none')}</p>
      {manager ? (
        <>
          <ErrorSummary ctx={ctx} form={forms.delegate ?? empty()} labels={labelsOf(ctx, ['user_id'])} />
          <Form ctx={ctx} action={`${base}/grupy/${g.id}/delegaci`} class="admin-form">
            <SelectField
              ctx={ctx}
              form={forms.delegate ?? empty()}
              name="user_id"
              label={t('exchange.field.user_id')}
              required
              options={view.candidates.map((c) => ({ value: c.id, label: c.display_name }))}
            />
            <p class="admin-actions">
              <button type="submit">{t('exchange.delegate_add')}</button>
            </p>
          </Form>
        </>
      ) : null}

      <h2>{t('exchange.sharing')}</h2>
      <p>{t('exchange.sharing_intro', { min: String(g.min_count) })}</p>
      {manager ? (
        <>
          {sharingForm.message ? (
            <div class="error-summary" role="alert">
              <p>{sharingForm.message}</p>
            </div>
          ) : null}
          <ErrorSummary ctx={ctx} form={sharingForm} labels={labelsOf(ctx, ['indicators'])} />
          <Form ctx={ctx} action={`${base}/grupy/${g.id}/udostepnianie`} class="admin-form">
            <input type="hidden" name="version" value={String(view.me!.sharing_version)} />
            <CheckboxGroup ctx={ctx} form={sharingForm} name="indicators" legend={t('exchange.field.indicators')} options={INDICATORS.map((k) => ({ value: k, label: indicatorName(ctx, k) }))} />
            <p class="admin-actions">
              <button type="submit">{t('exchange.sharing_save')}</button>
            </p>
          </Form>
        </>
      ) : (
        <ul>
          {view.shared.map((k) => (
            <li>{indicatorName(ctx, k as Indicator)}</li>
          ))}
        </ul>
      )}
      {manager && !convener ? (
        <p>
          <a href={`${base}/grupy/${g.id}/wystapienie`}>{t('exchange.leave')}</a>
        </p>
      ) : null}
    </PageLayout>
  );
}

/** Leaving a group, asked first; the convener is told why it cannot. */
export function LeavePage(props: { ctx: PageContext; group: GroupView['group']; convener: boolean; form: FormState }) {
  const { ctx, group, convener } = props;
  const { t } = ctx.i18n;
  const back = { href: `${exchangeBase(ctx)}/grupy/${group.id}`, label: t('exchange.leave_keep') };
  if (convener) {
    return (
      <PageLayout ctx={ctx} title={t('exchange.leave_title', { theme: group.theme })} back={back}>
        <p>{t('exchange.leave_convener')}</p>
      </PageLayout>
    );
  }
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('exchange.leave_title', { theme: group.theme })}
      back={back}
      facts={[[t('exchange.convener'), group.convener_name]]}
      consequences={[t('exchange.leave_what_1'), t('exchange.leave_what_2'), t('exchange.leave_what_3')]}
      undo={t('exchange.leave_undo')}
      action={`${exchangeBase(ctx)}/grupy/${group.id}/wystapienie`}
      submit={t('exchange.leave_submit')}
      keep={back}
      form={props.form}
    />
  );
}

type Comparison = Awaited<ReturnType<typeof comparison>>;

const memberLabel = (ctx: PageContext, c: ComparisonCell) =>
  c.own ? ctx.i18n.t('exchange.own', { name: c.name }) : c.letter ? ctx.i18n.t('exchange.anonymous', { letter: c.letter }) : c.name;

/** The comparison of a round, for the group's delegates: a table and a chart per indicator, with its method. */
export function ComparisonPage(props: { ctx: PageContext; view: Comparison; planForm?: FormState }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const base = exchangeBase(ctx);
  const valueText = (key: Indicator, c: ComparisonCell) => {
    const s = c.snapshot;
    if (!s) return t('exchange.cell.none');
    if (s.suppressed) return t('exchange.cell.suppressed', { min: String(view.group.min_count) });
    return withUnit(ctx, key, s.value!);
  };
  return (
    <PageLayout ctx={ctx} title={t('exchange.comparison_title', { label: view.round.label, theme: view.group.theme })} back={{ href: `${base}/grupy/${view.group.id}`, label: view.group.theme }}>
      <p>{t('exchange.period', { from: view.round.period_from, to: view.round.period_to })}</p>
      <p>{t(view.group.named ? 'exchange.comparison_named' : 'exchange.comparison_anonymised')}</p>
      <Form ctx={ctx} action={`${base}/rundy/${view.round.id}/wyniki`}>
        <p>{t('exchange.share_intro', { shared: view.shared.length ? view.shared.map((k) => indicatorName(ctx, k as Indicator)).join(', ') : t('exchange.shared_none') })}</p>
        <p>
          <button type="submit">{t('exchange.share')}</button>
        </p>
      </Form>
      {INDICATORS.map((key) => {
        const cells = view.cells[key];
        const drawn = cells.filter((c) => c.snapshot && !c.snapshot.suppressed);
        const own = view.preview[key];
        const summary = drawn.length
          ? t('exchange.chart_summary', { name: indicatorName(ctx, key), values: drawn.map((c) => `${memberLabel(ctx, c)}: ${valueText(key, c)}`).join('; ') })
          : t('exchange.chart_empty');
        return (
          <section class="exchange-indicator">
            <h2 id={`i-${key}`}>{indicatorName(ctx, key)}</h2>
            <p>{t(DEFINITIONS[key].lowerIsBetter ? 'exchange.lower_better' : 'exchange.higher_better')}</p>
            <Table
              id={`t-${key}`}
              caption={indicatorName(ctx, key)}
              captionHidden
              rows={cells}
              empty={t('exchange.nobody_shared')}
              columns={[
                { header: t('exchange.member'), rowHeader: true, cell: (c) => memberLabel(ctx, c) },
                { header: t('exchange.value'), numeric: true, cell: (c) => valueText(key, c) },
                { header: t('exchange.count'), numeric: true, cell: (c) => ((c.snapshot?.count ?? null) === null ? '—' : String(c.snapshot!.count)) },
                { header: t('exchange.shared_col'), cell: (c) => (c.own ? t(c.snapshot?.shared ? 'exchange.yes' : 'exchange.no_own') : t('exchange.yes')) },
              ]}
            />
            {drawn.length ? (
              <BarChart
                titleId={`i-${key}`}
                summary={summary}
                labelWidth={200}
                groups={[{ title: '', bars: drawn.map((c) => ({ label: memberLabel(ctx, c), value: c.snapshot!.value!, text: valueText(key, c) })) }]}
              />
            ) : (
              <p>{summary}</p>
            )}
            <p class="hint">
              {t('exchange.own_now', { value: own.value === null ? t('exchange.cell.none') : withUnit(ctx, key, own.value), count: String(own.count) })}
            </p>
            <details>
              <summary>{t('exchange.method')}</summary>
              <p>{t(`exchange.indicator.${key}.method` as MessageKey)}</p>
            </details>
          </section>
        );
      })}
      <PlanSection ctx={ctx} roundId={view.round.id} own={view.ownPlan} others={view.otherPlans} form={props.planForm} />
    </PageLayout>
  );
}
