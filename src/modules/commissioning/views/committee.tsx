import type { MessageKey } from '../../../platform/i18n';
import { emptyForm, type FormState, type PageContext } from '../../../platform/ui/context';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { Checkbox, InputField, RadioGroup, SelectField, TextArea } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import { formatPercent, type CallRow, type Criterion, type Partner } from '../domain';
import type { AssessmentView, boardOf, committeeOf, myCommittees } from '../committee-service';
import type { Declaration } from '../repository-committee';
import type { contentOf } from '../service';
import { grantsBase, zl } from './common';

/** The competition committee's pages (issue 17, ADR 0033). */

const when = (ctx: PageContext, d: Date | string) => ctx.i18n.dateTime(new Date(d));

export function CommitteePage(props: { ctx: PageContext; view: Awaited<ReturnType<typeof committeeOf>>; form: FormState }) {
  const { ctx, view, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const c = view.call;
  const labels = { staff_user: t('committee.field.staff_user'), nominee: t('committee.field.nominee'), kind: t('committee.field.kind'), chair: t('committee.field.chair') };
  return (
    <PageLayout ctx={ctx} title={t('committee.title', { title: c.title })} back={{ href: `${base}/calls/${c.id}/offers`, label: t('commissioning.manage.title', { title: c.title }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p>{t('committee.intro')}</p>
      <Table
        id="members"
        caption={t('committee.members')}
        columns={[
          { header: t('committee.member'), cell: (r) => r.display_name, rowHeader: true },
          { header: t('committee.kind'), cell: (r) => (r.kind === 'staff' ? t('committee.kind.staff') : t('committee.kind.nominee', { organisation: r.organisation_name ?? '' })) },
          { header: t('committee.role'), cell: (r) => (r.chair ? t('committee.chair') : t('committee.ordinary')) },
          { header: t('committee.appointed'), cell: (r) => when(ctx, r.appointed_at) },
        ]}
        rows={view.members}
        empty={t('committee.empty')}
      />
      {c.status === 'resolved' ? null : (
        <>
          <h2>{t('committee.appoint_staff')}</h2>
          <Form ctx={ctx} action={`${base}/calls/${c.id}/committee`} class="admin-form">
            <input type="hidden" name="kind" value="staff" />
            <SelectField ctx={ctx} form={form} name="staff_user" label={labels.staff_user} required options={view.staff.map((s) => ({ value: s.id, label: s.display_name }))} />
            <Checkbox ctx={ctx} form={form.values.kind === 'staff' ? form : emptyForm()} name="chair" label={labels.chair} />
            <p class="admin-actions">
              <button type="submit">{t('committee.appoint')}</button>
            </p>
          </Form>
          <h2>{t('committee.appoint_nominee')}</h2>
          <p class="hint">{t('committee.nominee_hint')}</p>
          <Form ctx={ctx} action={`${base}/calls/${c.id}/committee`} class="admin-form">
            <input type="hidden" name="kind" value="nominee" />
            <SelectField ctx={ctx} form={form} name="nominee" label={labels.nominee} required options={view.nominees.map((n) => ({ value: `${n.organisation_id}:${n.user_id}`, label: `${n.display_name} — ${n.organisation_name}` }))} />
            <Checkbox ctx={ctx} form={form.values.kind === 'nominee' ? form : emptyForm()} name="chair" label={labels.chair} />
            <p class="admin-actions">
              <button type="submit">{t('committee.appoint')}</button>
            </p>
          </Form>
        </>
      )}
    </PageLayout>
  );
}

export function MyCommitteesPage(props: { ctx: PageContext; list: Awaited<ReturnType<typeof myCommittees>> }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('committee.mine')} back={{ href: base, label: t('commissioning.back') }}>
      <Table
        id="my-committees"
        caption={t('committee.mine')}
        captionHidden
        columns={[
          { header: t('commissioning.results.offer'), cell: (r) => <a href={`${base}/calls/${r.id}/assessment`}>{t('commissioning.call.number', { number: r.number })}: {r.title}</a>, rowHeader: true },
          { header: t('committee.role'), cell: (r) => (r.chair ? t('committee.chair') : t('committee.ordinary')) },
          { header: t('commissioning.fact.closes'), cell: (r) => when(ctx, r.offers_close_at) },
        ]}
        rows={props.list}
        empty={t('committee.mine_empty')}
      />
    </PageLayout>
  );
}

function declaredLabel(ctx: PageContext, conflict: boolean | null): string {
  const { t } = ctx.i18n;
  if (conflict === null) return t('committee.declaration.none');
  return conflict ? t('committee.declaration.conflict') : t('committee.declaration.clear');
}

export function BoardPage(props: { ctx: PageContext; view: Awaited<ReturnType<typeof boardOf>> }) {
  const { ctx, view } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const c = view.call;
  return (
    <PageLayout ctx={ctx} title={t('committee.board_title', { title: c.title })} back={{ href: `${base}/committee`, label: t('committee.mine') }}>
      <p>{view.me.chair ? t('committee.you_chair') : t('committee.you_member')}</p>
      <p>{t('committee.board_intro')}</p>
      <Table
        id="board"
        caption={t('committee.board_offers')}
        columns={[
          { header: t('commissioning.results.offeror'), cell: (o) => o.organisation_name, rowHeader: true },
          { header: t('commissioning.results.offer'), cell: (o) => o.title || t('commissioning.offer.untitled') },
          { header: t('committee.declaration'), cell: (o) => declaredLabel(ctx, o.declared_conflict) },
          { header: t('committee.formal'), cell: (o) => t(`committee.formal.${o.formal ?? 'pending'}` as MessageKey) },
          { header: t('committee.sheet'), cell: (o) => (o.sheet_submitted_at ? t('committee.sheet.submitted_at', { when: when(ctx, o.sheet_submitted_at) }) : t('committee.sheet.not_submitted')) },
          { header: t('committee.consensus_total'), cell: (o) => (o.total === null ? '—' : String(o.total)), numeric: true },
          {
            header: t('committee.action'),
            cell: (o) =>
              o.declared_conflict === null ? (
                <a href={`${base}/offers/${o.id}/declaration`}>{t('committee.declare')}</a>
              ) : o.declared_conflict ? (
                t('committee.excluded')
              ) : (
                <a href={`${base}/offers/${o.id}/assessment`}>{t('committee.open')}</a>
              ),
          },
        ]}
        rows={view.offers}
        empty={t('committee.board_empty')}
      />
    </PageLayout>
  );
}

export function DeclarationPage(props: { ctx: PageContext; offer: { id: string; title: string; organisation_name: string; partners: Partner[] }; call: CallRow; declared: Declaration | undefined; form: FormState }) {
  const { ctx, offer: o, form } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const labels = { conflict: t('committee.field.conflict'), explanation: t('committee.field.explanation') };
  return (
    <PageLayout ctx={ctx} title={t('committee.declaration_title', { title: o.title || t('commissioning.offer.untitled') })} back={{ href: `${base}/calls/${props.call.id}/assessment`, label: t('committee.board_title', { title: props.call.title }) }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <dl class="facts">
        <dt>{t('commissioning.results.offeror')}</dt>
        <dd>{o.organisation_name}</dd>
        {o.partners.length > 0 ? (
          <>
            <dt>{t('commissioning.offer.partners')}</dt>
            <dd>{o.partners.map((p) => `${p.name} (${formatPercent(p.share_basis_points)}%)`).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('commissioning.results.offer')}</dt>
        <dd>{o.title || t('commissioning.offer.untitled')}</dd>
      </dl>
      {props.declared ? (
        <p>
          {declaredLabel(ctx, props.declared.conflict)} — {t('committee.declared_at', { when: when(ctx, props.declared.declared_at) })}
          {props.declared.conflict ? null : (
            <>
              {' '}
              <a href={`${base}/offers/${o.id}/assessment`}>{t('committee.open')}</a>
            </>
          )}
        </p>
      ) : (
        <>
          <p>{t('committee.declaration_lead')}</p>
          <Form ctx={ctx} action={`${base}/offers/${o.id}/declaration`} class="admin-form">
            <RadioGroup ctx={ctx} form={form} name="conflict" label={labels.conflict} options={[{ value: 'no', label: t('committee.conflict.no') }, { value: 'yes', label: t('committee.conflict.yes') }]} />
            <TextArea ctx={ctx} form={form} name="explanation" label={labels.explanation} hint={t('committee.explanation_hint')} rows={3} />
            <p class="admin-actions">
              <button type="submit">{t('committee.declare_submit')}</button>
            </p>
          </Form>
        </>
      )}
    </PageLayout>
  );
}

type Content = ReturnType<typeof contentOf>;

function ScoreFields(props: { ctx: PageContext; form: FormState; criteria: Criterion[] }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  return (
    <>
      {props.criteria.map((c, i) => (
        <fieldset class="field">
          <legend>{t('committee.criterion', { name: c.name, weight: c.weight })}</legend>
          <InputField ctx={ctx} form={form} name={`score_${i}`} label={t('committee.field.score', { max: c.weight })} inputmode="numeric" size="short" />
          <TextArea ctx={ctx} form={form} name={`justification_${i}`} label={t('committee.field.justification')} rows={2} />
        </fieldset>
      ))}
    </>
  );
}

function ScoresTable(props: { ctx: PageContext; id: string; caption: string; criteria: Criterion[]; scores: { score: number | null; justification: string }[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const rows = props.criteria.map((c, i) => ({ c, s: props.scores[i] ?? { score: null, justification: '' } }));
  const total = rows.reduce((a, r) => a + (r.s.score ?? 0), 0);
  return (
    <Table
      id={props.id}
      caption={`${props.caption} — ${t('committee.total', { total })}`}
      columns={[
        { header: t('committee.criterion_header'), cell: (r) => t('committee.criterion', { name: r.c.name, weight: r.c.weight }), rowHeader: true },
        { header: t('committee.score'), cell: (r) => (r.s.score === null ? '—' : String(r.s.score)), numeric: true },
        { header: t('committee.field.justification'), cell: (r) => r.s.justification },
      ]}
      rows={rows}
      empty=""
    />
  );
}

export interface AssessmentForms { formal?: FormState; sheet?: FormState; consensus?: FormState; conflict?: Conflict }

export function AssessmentPage(props: { ctx: PageContext; view: AssessmentView; forms: AssessmentForms }) {
  const { ctx, view, forms } = props;
  const { t } = ctx.i18n;
  const base = grantsBase(ctx);
  const o = view.offer;
  const criteria = view.call.criteria;
  const content = view.content?.content as Content | undefined;
  const cs = view.consensus;
  const formalOk = cs?.formal === 'ok';
  const labels: Record<string, string> = { formal: t('committee.field.formal'), formal_notes: t('committee.field.formal_notes'), remarks: t('committee.field.remarks') };
  criteria.forEach((c, i) => {
    labels[`score_${i}`] = t('committee.criterion', { name: c.name, weight: c.weight });
    labels[`justification_${i}`] = `${t('committee.field.justification')} (${c.name})`;
  });
  const anyForm = forms.formal ?? forms.sheet ?? forms.consensus ?? emptyForm();
  const consensusForm = forms.consensus ?? emptyForm({ ...scoreValues(cs?.scores ?? []), remarks: cs?.remarks ?? '', version: String(cs?.version ?? 0) });
  const back = view.member ? { href: `${base}/calls/${view.call.id}/assessment`, label: t('committee.board_title', { title: view.call.title }) } : { href: `${base}/calls/${view.call.id}/offers`, label: t('commissioning.manage.title', { title: view.call.title }) };
  return (
    <PageLayout ctx={ctx} title={t('committee.assessment_title', { title: o.title || t('commissioning.offer.untitled') })} back={back}>
      <ErrorSummary ctx={ctx} form={anyForm} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={forms.conflict} />
      <h2>{t('committee.offer_contents')}</h2>
      {content ? (
        <>
          <dl class="facts">
            <dt>{t('commissioning.results.offeror')}</dt>
            <dd>{content.offeror.name}</dd>
            <dt>{t('commissioning.offer.submitted_at')}</dt>
            <dd>{when(ctx, view.content!.submitted_at)}</dd>
            <dt>{t('commissioning.offer.sum.grant')}</dt>
            <dd>{zl(ctx, content.sums.grant)}</dd>
            <dt>{t('commissioning.offer.sum.total')}</dt>
            <dd>{zl(ctx, content.sums.total)}</dd>
            <dt>{t('commissioning.offer.sum.own_share')}</dt>
            <dd>{t('commissioning.percent', { value: formatPercent(content.sums.own_basis_points) })}</dd>
          </dl>
          <h3>{t('commissioning.offer.field.task_description')}</h3>
          <p class="prewrap">{content.task_description}</p>
          <h3>{t('commissioning.offer.field.expected_results')}</h3>
          <p class="prewrap">{content.expected_results}</p>
          <h3>{t('committee.schedule')}</h3>
          <ul>{content.schedule.map((s) => <li>{s.action}: {s.from} – {s.to}</li>)}</ul>
          <h3>{t('committee.costs')}</h3>
          <ul>{content.cost_lines.map((l) => <li>{l.name}: {zl(ctx, l.total)} ({t('commissioning.offer.sum.grant')}: {zl(ctx, l.grant)})</li>)}</ul>
        </>
      ) : null}

      <h2>{t('committee.formal')}</h2>
      <p>
        {t(`committee.formal.${cs?.formal ?? 'pending'}` as MessageKey)}
        {cs?.formal_notes ? ` — ${cs.formal_notes}` : ''}
      </p>
      {view.chair ? (
        <Form ctx={ctx} action={`${base}/offers/${o.id}/formal`} class="admin-form">
          <input type="hidden" name="version" value={String(cs?.version ?? 0)} />
          <RadioGroup ctx={ctx} form={forms.formal ?? emptyForm({ formal: cs && cs.formal !== 'pending' ? cs.formal : '', formal_notes: cs?.formal_notes ?? '' })} name="formal" label={labels.formal!} options={[{ value: 'ok', label: t('committee.formal.ok') }, { value: 'errors', label: t('committee.formal.errors') }]} />
          <TextArea ctx={ctx} form={forms.formal ?? emptyForm({ formal_notes: cs?.formal_notes ?? '' })} name="formal_notes" label={labels.formal_notes!} rows={3} />
          <p class="admin-actions">
            <button type="submit">{t('committee.formal_save')}</button>
          </p>
        </Form>
      ) : null}

      {view.member ? (
        <>
          <h2>{t('committee.my_sheet')}</h2>
          {!formalOk ? (
            <p>{t('committee.wait_formal')}</p>
          ) : view.mine?.submitted_at ? (
            <ScoresTable ctx={ctx} id="my-sheet" caption={t('committee.my_sheet_submitted', { when: when(ctx, view.mine.submitted_at) })} criteria={criteria} scores={view.mine.scores} />
          ) : (
            <Form ctx={ctx} action={`${base}/offers/${o.id}/sheet`} class="admin-form">
              <input type="hidden" name="version" value={String(view.mine?.version ?? 0)} />
              <ScoreFields ctx={ctx} form={forms.sheet ?? emptyForm(scoreValues(view.mine?.scores ?? []))} criteria={criteria} />
              <p class="hint">{t('committee.sheet_hint')}</p>
              <p class="admin-actions">
                <button type="submit" name="action" value="save">{t('committee.sheet_save')}</button>{' '}
                <button type="submit" name="action" value="submit">{t('committee.sheet_submit')}</button>
              </p>
            </Form>
          )}
        </>
      ) : null}

      <h2>{t('committee.others')}</h2>
      {view.member && !view.mine?.submitted_at ? (
        <p>{t('committee.others_hidden')}</p>
      ) : view.others.length === 0 ? (
        <p>{t('committee.others_none')}</p>
      ) : (
        view.others.map((s, i) => <ScoresTable ctx={ctx} id={`sheet-${i}`} caption={t('committee.sheet_of', { name: s.display_name, when: when(ctx, s.submitted_at!) })} criteria={criteria} scores={s.scores} />)
      )}

      <h2>{t('committee.consensus')}</h2>
      {cs?.total !== null && cs?.total !== undefined ? <ScoresTable ctx={ctx} id="consensus" caption={t('committee.consensus_saved', { version: cs.version })} criteria={criteria} scores={cs.scores} /> : <p>{t('committee.consensus_none')}</p>}
      {view.chair && formalOk ? (
        <Form ctx={ctx} action={`${base}/offers/${o.id}/consensus`} class="admin-form">
          <input type="hidden" name="version" value={String(consensusForm.values.version ?? cs?.version ?? 0)} />
          <ScoreFields ctx={ctx} form={consensusForm} criteria={criteria} />
          <TextArea ctx={ctx} form={consensusForm} name="remarks" label={labels.remarks!} rows={3} />
          <p class="admin-actions">
            <button type="submit">{t('committee.consensus_save')}</button>
          </p>
        </Form>
      ) : null}

      {view.declarations.length > 0 ? (
        <Table
          id="declarations"
          caption={t('committee.declarations')}
          columns={[
            { header: t('committee.member'), cell: (d) => d.display_name, rowHeader: true },
            { header: t('committee.declaration'), cell: (d) => declaredLabel(ctx, d.conflict) + (d.explanation ? ` — ${d.explanation}` : '') },
            { header: t('committee.declared_when'), cell: (d) => when(ctx, d.declared_at) },
          ]}
          rows={view.declarations}
          empty=""
        />
      ) : null}
    </PageLayout>
  );
}

export function scoreValues(scores: { score: number | null; justification: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  scores.forEach((s, i) => {
    out[`score_${i}`] = s.score === null ? '' : String(s.score);
    out[`justification_${i}`] = s.justification;
  });
  return out;
}
