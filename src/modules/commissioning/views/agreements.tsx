import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, RadioGroup, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { Layout, PageLayout } from '../../../platform/ui/layout';
import { annexNumber, changeKindOf, type AgreementRow, type ReportStatus, type TermsVersion } from '../agreements-domain';
import { formatPercent, offerSums, SOURCES, type CostLine } from '../domain';
import { rowsShown } from '../form';
import type { AgreementView, ReportView } from '../service-agreements';
import { grantsBase, zl } from './common';
import { offerLabels, secondsOf } from './offer';

const AMOUNTS = ['total', ...SOURCES] as const;

/** A version's name: "Wersja 1 — z oferty", "Wersja 2 — zaktualizowany kosztorys", "Wersja 3 — aneks nr 1". */
export function versionLabel(ctx: PageContext, versions: Pick<TermsVersion, 'number' | 'kind'>[], v: Pick<TermsVersion, 'number' | 'kind'>): string {
  const { t } = ctx.i18n;
  const kind = v.kind === 'annex' ? t('agreement.version.annex', { annex: annexNumber(versions, v.number) }) : t(`agreement.version.${v.kind}`);
  return t('agreement.version.label', { number: v.number, kind });
}

export function AgreementsPage(props: { ctx: PageContext; list: (AgreementRow & { final_status: ReportStatus | null })[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('agreement.list.title')}>
      <h1>{t('agreement.list.title')}</h1>
      {props.list.length === 0 ? (
        <p class="admin-empty">{t('agreement.list.empty')}</p>
      ) : (
        <ul class="results">
          {props.list.map((a) => (
            <li class="result">
              <h2>
                <a href={`${base}/agreements/${a.id}`}>{t('agreement.title', { number: a.number })}: {a.task}</a>
              </h2>
              <p>
                {a.organisation_name} · {zl(ctx, a.grant_amount)} · {t(`agreement.status.${a.status}`)}
                {a.final_status ? ` · ${t('agreement.list.final', { status: t(`grant_report.status.${a.final_status}`) })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function Terms(props: { ctx: PageContext; schedule: TermsVersion['schedule']; lines: CostLine[]; heading: 2 | 3 }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const s = offerSums(props.lines);
  const H = props.heading === 2 ? 'h2' : 'h3';
  return (
    <>
      <H>{t('commissioning.offer.schedule')}</H>
      <ul>{props.schedule.map((r) => <li>{r.action}: {r.from} – {r.to}</li>)}</ul>
      <H>{t('commissioning.offer.costs')}</H>
      <ul>
        {props.lines.map((l) => (
          <li>
            {l.name}: {zl(ctx, l.total)} ({SOURCES.map((k) => `${t(`commissioning.offer.field.${k}`)} ${zl(ctx, l[k])}`).join(', ')})
          </li>
        ))}
      </ul>
      <p>
        {t('commissioning.offer.sum.grant')}: {zl(ctx, s.bySource.grant)} · {t('commissioning.offer.sum.total')}: {zl(ctx, s.total)} · {t('commissioning.offer.sum.own_share')}:{' '}
        {t('commissioning.percent', { value: formatPercent(s.ownBasisPoints) })}
      </p>
    </>
  );
}

export function moveLabels(ctx: PageContext): Record<string, string> {
  const { t } = ctx.i18n;
  return { move: t('agreement.field.move'), signed_on: t('agreement.field.signed_on'), reasons: t('agreement.field.closing_reasons'), decision: t('agreement.field.decision'), answer: t('agreement.field.answer'), kind: t('grant_report.field.kind') };
}

/** The agreement: parties, task, period, grant, the terms (any version readable), requests, reports and staff's actions. */
export function AgreementPage(props: { ctx: PageContext; view: AgreementView; form: FormState; municipality: string }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const a = view.agreement;
  const path = `${base}/agreements/${a.id}`;
  const field = { ctx, form };
  const staff = view.standing.staff && !view.standing.member;
  const changeKind = changeKindOf(a.status);
  const latest = view.shown.number === view.current.number;
  const lowerGrant = a.grant_amount < view.requested;
  return (
    <PageLayout ctx={ctx} title={t('agreement.title', { number: a.number })} back={{ href: `${base}/agreements`, label: t('agreement.list.title') }}>
      <ErrorSummary ctx={ctx} form={form} labels={moveLabels(ctx)} />
      <dl class="facts">
        <dt>{t('agreement.field.task')}</dt>
        <dd>{a.task}</dd>
        <dt>{t('agreement.field.principal')}</dt>
        <dd>{props.municipality}</dd>
        <dt>{t('agreement.field.contractor')}</dt>
        <dd>
          {view.organisation.name}
          {view.organisation.krs ? ` (KRS ${view.organisation.krs})` : ''}
        </dd>
        <dt>{t('commissioning.offer.call')}</dt>
        <dd>
          <a href={`${base}/calls/${a.call_id}`}>{a.call_title}</a>
        </dd>
        <dt>{t('agreement.field.period')}</dt>
        <dd>
          {ctx.i18n.date(a.period_from)} – {ctx.i18n.date(a.period_to)}
        </dd>
        <dt>{t('agreement.field.grant')}</dt>
        <dd>
          {zl(ctx, a.grant_amount)}
          {lowerGrant ? ` (${t('agreement.requested', { amount: zl(ctx, view.requested) })})` : ''}
        </dd>
        <dt>{t('commissioning.fact.status')}</dt>
        <dd>
          {t(`agreement.status.${a.status}`)}
          {a.signed_on ? ` — ${t('agreement.signed_on', { date: ctx.i18n.date(a.signed_on) })}` : ''}
        </dd>
        <dt>{t('agreement.field.report_due')}</dt>
        <dd>{ctx.i18n.date(view.due)}</dd>
      </dl>
      {a.closing_reasons ? <p class="prewrap">{a.closing_reasons}</p> : null}
      <p>
        <a href={`${path}/agreement.pdf${latest ? '' : `?version=${view.shown.number}`}`}>{t('agreement.pdf.link', { version: view.shown.number })}</a>
      </p>

      <h2>{latest ? t('agreement.terms.current', { label: versionLabel(ctx, view.versions, view.shown) }) : t('agreement.terms.earlier', { label: versionLabel(ctx, view.versions, view.shown) })}</h2>
      {view.shown.reasons ? <p class="prewrap">{t('agreement.terms.reasons', { reasons: view.shown.reasons })}</p> : null}
      <Terms ctx={ctx} schedule={view.shown.schedule} lines={view.shown.cost_lines} heading={3} />
      {lowerGrant && view.problems.length > 0 ? <p class="notice">{t('agreement.terms.needs_update')}</p> : null}
      {view.versions.length > 1 ? (
        <>
          <h3>{t('agreement.versions')}</h3>
          <ul>
            {view.versions.map((v) => (
              <li>
                {v.number === view.shown.number ? versionLabel(ctx, view.versions, v) : <a href={v.number === view.current.number ? path : `${path}?version=${v.number}`}>{versionLabel(ctx, view.versions, v)}</a>} ·{' '}
                {ctx.i18n.date(v.accepted_at)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('agreement.changes')}</h2>
      {view.changes.length === 0 ? <p>{t('agreement.changes.none')}</p> : (
        <ul>
          {view.changes.map((c) => (
            <li>
              {t(`agreement.change.${c.kind}`)} · {secondsOf(ctx, c.requested_at)} · {t(`agreement.change_status.${c.status}`)}
              <br />
              {t('agreement.change.reasons', { reasons: c.reasons })}
              {c.answer ? (
                <>
                  <br />
                  {t('agreement.change.answer', { answer: c.answer })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {view.pending ? (
        <section aria-labelledby="pending-title">
          <h3 id="pending-title">{t('agreement.pending.title')}</h3>
          <Terms ctx={ctx} schedule={view.pending.schedule} lines={view.pending.cost_lines} heading={3} />
          {staff ? (
            <Form ctx={ctx} action={`${path}/change/decision`} class="admin-form">
              <input type="hidden" name="version" value={String(a.version)} />
              <RadioGroup {...field} name="decision" label={t('agreement.field.decision')} options={[{ value: 'accept', label: t('agreement.decision.accept') }, { value: 'refuse', label: t('agreement.decision.refuse') }]} />
              <TextArea {...field} name="answer" label={t('agreement.field.answer')} hint={t('agreement.hint.answer')} rows={3} />
              <p class="admin-actions">
                <button type="submit">{t('agreement.decision.save')}</button>
              </p>
            </Form>
          ) : null}
        </section>
      ) : view.standing.member && changeKind ? (
        <p>
          <a href={`${path}/change`}>{t(`agreement.change.ask_${changeKind}`)}</a>
        </p>
      ) : null}

      <h2>{t('grant_report.list')}</h2>
      {view.reports.length === 0 ? <p>{t('grant_report.none')}</p> : (
        <ul>
          {view.reports.map((r) => (
            <li>
              <a href={`${base}/reports/${r.id}`}>{t(`grant_report.kind.${r.kind}`)}</a> · {t(`grant_report.status.${r.status}`)}
            </li>
          ))}
        </ul>
      )}
      {view.standing.member && a.status === 'signed' ? (
        <Form ctx={ctx} action={`${path}/reports/new`} class="admin-form">
          <RadioGroup {...field} name="kind" label={t('grant_report.field.kind')} options={[{ value: 'partial', label: t('grant_report.kind.partial') }, { value: 'final', label: t('grant_report.kind.final') }]} />
          <p class="admin-actions">
            <button type="submit">{t('grant_report.start')}</button>
          </p>
        </Form>
      ) : null}

      {staff && ['draft', 'ready', 'signed'].includes(a.status) ? (
        <section aria-labelledby="move-title">
          <h2 id="move-title">{t('agreement.move.title')}</h2>
          <Form ctx={ctx} action={`${path}/state`} class="admin-form">
            <input type="hidden" name="version" value={String(a.version)} />
            {a.status === 'draft' ? <input type="hidden" name="move" value="ready" /> : null}
            {a.status === 'ready' ? (
              <>
                <input type="hidden" name="move" value="signed" />
                <InputField {...field} name="signed_on" type="date" label={t('agreement.field.signed_on')} size="medium" required />
              </>
            ) : null}
            {a.status === 'signed' ? (
              <>
                <RadioGroup {...field} name="move" label={t('agreement.field.move')} options={[{ value: 'settled', label: t('agreement.move.settled') }, { value: 'terminated', label: t('agreement.move.terminated') }]} />
                <TextArea {...field} name="reasons" label={t('agreement.field.closing_reasons')} rows={3} />
              </>
            ) : null}
            <p class="admin-actions">
              <button type="submit">{t(`agreement.move.button_${a.status as 'draft' | 'ready' | 'signed'}`)}</button>
            </p>
          </Form>
        </section>
      ) : null}
    </PageLayout>
  );
}

export function changeLabels(ctx: PageContext): Record<string, string> {
  return { ...offerLabels(ctx), reasons: ctx.i18n.t('agreement.field.reasons') };
}

/** The offeror's request: the schedule and cost lines (the offer form's rows), the reasons; the limits stated. */
export function ChangePage(props: { ctx: PageContext; view: AgreementView; form: FormState }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const a = view.agreement;
  const kind = changeKindOf(a.status) ?? 'annex';
  const labels = changeLabels(ctx);
  const field = { ctx, form };
  const rows = (saved: number) => Array.from({ length: rowsShown(saved) }, (_, i) => i);
  return (
    <PageLayout ctx={ctx} title={t(`agreement.change.title_${kind}`, { number: a.number })} back={{ href: `${base}/agreements/${a.id}`, label: t('agreement.title', { number: a.number }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p>{t('agreement.change.limits', { grant: zl(ctx, a.grant_amount), own: formatPercent(view.minOwn) })}</p>
      <Form ctx={ctx} action={`${base}/agreements/${a.id}/change`} class="admin-form offer-form">
        <input type="hidden" name="version" value={String(a.version)} />
        <fieldset>
          <legend>{t('commissioning.offer.schedule')}</legend>
          {rows(view.current.schedule.length).map((i) => (
            <div class="admin-row">
              <InputField {...field} name={`schedule_${i}_action`} label={labels[`schedule_${i}_action`]!} />
              <InputField {...field} name={`schedule_${i}_from`} label={labels[`schedule_${i}_from`]!} size="medium" />
              <InputField {...field} name={`schedule_${i}_to`} label={labels[`schedule_${i}_to`]!} size="medium" />
            </div>
          ))}
        </fieldset>
        <fieldset id="f-grant_total">
          <legend>{t('commissioning.offer.costs')}</legend>
          <p class="hint">{t('commissioning.offer.costs_hint')}</p>
          {rows(view.current.cost_lines.length).map((i) => (
            <fieldset class="cost-line">
              <legend>{t('commissioning.offer.cost_row', { n: i + 1 })}</legend>
              <InputField {...field} name={`cost_${i}_name`} label={t('commissioning.offer.field.cost_name')} />
              <div class="admin-row">
                {AMOUNTS.map((k) => (
                  <InputField {...field} name={`cost_${i}_${k}`} label={t(`commissioning.offer.field.${k}`)} inputmode="decimal" size="medium" />
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
        <TextArea {...field} name="reasons" label={labels.reasons!} rows={4} required />
        <p class="admin-actions">
          <button type="submit">{t('agreement.change.send')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

export function reportLabels(ctx: PageContext, lines: CostLine[]): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = { done: t('grant_report.field.done'), results: t('grant_report.field.results'), decision: t('agreement.field.decision'), remarks: t('grant_report.field.remarks') };
  lines.forEach((l, i) => {
    for (const k of AMOUNTS) labels[`expense_${i}_${k}`] = `${l.name}: ${t(`commissioning.offer.field.${k}`)}`;
  });
  return labels;
}

/** A report: the form to the offeror's members while a draft or returned; otherwise read-only, with staff's review. */
export function ReportPage(props: { ctx: PageContext; view: ReportView; form: FormState }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const r = view.report;
  const a = view.agreement;
  const labels = reportLabels(ctx, view.lines);
  const field = { ctx, form };
  const editable = view.standing.member && (r.status === 'draft' || r.status === 'returned');
  const staff = view.standing.staff && !view.standing.member;
  const title = t('grant_report.title', { kind: t(`grant_report.kind.${r.kind}`), number: a.number });
  return (
    <PageLayout ctx={ctx} title={title} back={{ href: `${base}/agreements/${a.id}`, label: t('agreement.title', { number: a.number }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <dl class="facts">
        <dt>{t('agreement.field.task')}</dt>
        <dd>{a.task}</dd>
        <dt>{t('agreement.field.contractor')}</dt>
        <dd>{a.organisation_name}</dd>
        <dt>{t('commissioning.fact.status')}</dt>
        <dd>{t(`grant_report.status.${r.status}`)}</dd>
        <dt>{t('agreement.field.report_due')}</dt>
        <dd>{ctx.i18n.date(view.due)}</dd>
      </dl>
      {r.remarks ? (
        <section aria-labelledby="remarks-title" class="notice">
          <h2 id="remarks-title">{t('grant_report.remarks')}</h2>
          <p class="prewrap">{r.remarks}</p>
        </section>
      ) : null}
      <h2>{t('grant_report.expected')}</h2>
      <p class="prewrap">{view.expectedResults}</p>
      {editable ? (
        <Form ctx={ctx} action={`${base}/reports/${r.id}`} class="admin-form">
          <input type="hidden" name="version" value={String(form.values.version ?? r.version)} />
          <TextArea {...field} name="done" label={labels.done!} rows={5} required />
          <TextArea {...field} name="results" label={labels.results!} hint={t('grant_report.hint.results')} rows={5} required />
          <p class="hint">{t('grant_report.hint.expenses')}</p>
          {view.lines.map((l, i) => (
            <fieldset class="cost-line">
              <legend>{t('grant_report.line', { n: i + 1, name: l.name, total: zl(ctx, l.total) })}</legend>
              <div class="admin-row">
                {AMOUNTS.map((k) => (
                  <InputField {...field} name={`expense_${i}_${k}`} label={labels[`expense_${i}_${k}`]!} inputmode="decimal" size="medium" />
                ))}
              </div>
            </fieldset>
          ))}
          <p class="admin-actions">
            <button type="submit" name="action" value="save">{t('grant_report.save')}</button> <button type="submit" name="action" value="submit">{t('grant_report.submit')}</button>
          </p>
        </Form>
      ) : (
        <>
          <h2>{t('grant_report.field.done')}</h2>
          <p class="prewrap">{r.done}</p>
          <h2>{t('grant_report.field.results')}</h2>
          <p class="prewrap">{r.results}</p>
          <h2>{t('grant_report.expenses')}</h2>
          <ul>
            {r.expenses.map((e, i) => (
              <li>
                {view.lines[i]?.name ?? e.name}: {zl(ctx, e.total)} ({SOURCES.map((k) => `${t(`commissioning.offer.field.${k}`)} ${zl(ctx, e[k])}`).join(', ')})
              </li>
            ))}
          </ul>
        </>
      )}
      {view.submissions.length > 0 ? (
        <>
          <h2>{t('grant_report.submissions')}</h2>
          <ul>
            {view.submissions.map((s) => (
              <li>
                {t('grant_report.submission', { number: s.number, when: secondsOf(ctx, s.submitted_at) })} · <code>{s.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {staff && r.status === 'submitted' ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t('grant_report.review')}</h2>
          <Form ctx={ctx} action={`${base}/reports/${r.id}/review`} class="admin-form">
            <input type="hidden" name="version" value={String(r.version)} />
            <RadioGroup {...field} name="decision" label={labels.decision!} options={[{ value: 'accept', label: t('grant_report.accept') }, { value: 'return', label: t('grant_report.return') }]} />
            <TextArea {...field} name="remarks" label={labels.remarks!} hint={t('grant_report.hint.remarks')} rows={4} />
            <p class="admin-actions">
              <button type="submit">{t('grant_report.review_save')}</button>
            </p>
          </Form>
        </section>
      ) : null}
    </PageLayout>
  );
}
