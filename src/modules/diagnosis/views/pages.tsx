import type { MessageKey } from '../../../platform/i18n';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { InputField, SelectField, TextArea } from '../../../platform/ui/fields';
import { CheckboxGroup, ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { CsvProblem } from '../csv';
import { AREAS, nextStatus, PRIORITIES, TARGET_GROUPS, type DiagnosisRow, type IndicatorRow, type NeedRow, type ResourceRow } from '../domain';
import { DIAGNOSIS_FIELDS, IMPORT_FIELDS, NEED_FIELDS, RESOURCE_FIELDS } from '../form';

export const diagnosisBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/diagnoza`;
const areaLabel = (ctx: PageContext, a: string) => ctx.i18n.t(`area.${a}` as MessageKey);
const groupLabel = (ctx: PageContext, g: string) => ctx.i18n.t(`group.${g}` as MessageKey);
const statusLabel = (ctx: PageContext, d: DiagnosisRow) => ctx.i18n.t(`diagnosis.status.${d.status}`);
const numberOf = (ctx: PageContext, n: number) => new Intl.NumberFormat(ctx.i18n.locale === 'en' ? 'en-GB' : 'pl-PL', { maximumFractionDigits: 2 }).format(n);
const labelsOf = (ctx: PageContext, prefix: string, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, ctx.i18n.t(`${prefix}.${f}` as MessageKey)]));

export function ListPage(props: { ctx: PageContext; list: DiagnosisRow[]; staff: boolean }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = diagnosisBase(ctx);
  return (
    <PageLayout ctx={ctx} title={t('diagnosis.title')}>
      <p>{t('diagnosis.intro')}</p>
      {props.staff ? (
        <p>
          <a href={`${base}/nowa`}>{t('diagnosis.new')}</a>
        </p>
      ) : null}
      <Table
        id="diagnoses"
        caption={t('diagnosis.title')}
        captionHidden
        columns={[
          { header: t('diagnosis.field.title'), cell: (d) => <a href={`${base}/${d.id}`}>{d.title}</a>, rowHeader: true },
          { header: t('diagnosis.col.period'), cell: (d) => `${t('diagnosis.period', { from: d.period_from, to: d.period_to })}` },
          { header: t('diagnosis.status_label'), cell: (d) => statusLabel(ctx, d) },
        ]}
        rows={props.list}
        empty={t('diagnosis.empty')}
      />
    </PageLayout>
  );
}

function IndicatorsTable(props: { ctx: PageContext; rows: IndicatorRow[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Table
      id="indicators"
      caption={t('diagnosis.section.data')}
      captionHidden
      columns={[
        { header: t('diagnosis.col.indicator'), cell: (i) => i.indicator, rowHeader: true },
        { header: t('diagnosis.col.breakdown'), cell: (i) => i.breakdown || t('diagnosis.none') },
        { header: t('diagnosis.col.period'), cell: (i) => i.period },
        { header: t('diagnosis.col.value'), cell: (i) => `${numberOf(ctx, i.value)}${i.unit ? ` ${i.unit}` : ''}`, numeric: true },
        { header: t('diagnosis.col.source'), cell: (i) => `${i.source} (${ctx.i18n.date(i.source_date)})` },
        { header: t('diagnosis.col.dataset'), cell: (i) => i.dataset_title },
      ]}
      rows={props.rows}
      empty={t('diagnosis.data.empty')}
    />
  );
}

/** "Zmień" and "Usuń" of a need or resource row, for staff while the diagnosis is open. */
function rowActions(ctx: PageContext, href: string, name: string) {
  const { t } = ctx.i18n;
  return (
    <>
      <a href={`${href}/edycja`}>
        {t('diagnosis.change')}
        <span class="visually-hidden">: {name}</span>
      </a>{' '}
      <a href={`${href}/usun`}>
        {t('diagnosis.remove')}
        <span class="visually-hidden">: {name}</span>
      </a>
    </>
  );
}

function NeedsTable(props: { ctx: PageContext; id: string; caption: string; rows: NeedRow[]; empty: string; actionsBase?: string }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <Table
      id={props.id}
      caption={props.caption}
      captionHidden
      columns={[
        { header: t('diagnosis.col.need'), cell: (n) => n.title, rowHeader: true },
        { header: t('diagnosis.col.area'), cell: (n) => areaLabel(ctx, n.area) },
        { header: t('diagnosis.col.group'), cell: (n) => groupLabel(ctx, n.target_group) },
        { header: t('diagnosis.col.priority'), cell: (n) => t(`diagnosis.priority.${n.priority}`) },
        {
          header: t('diagnosis.col.evidence'),
          cell: (n) =>
            [n.evidence, n.survey_title ? t('diagnosis.needs.survey', { title: n.survey_title }) : '', n.indicator_ids.length ? t('diagnosis.needs.values', { n: n.indicator_ids.length }) : '']
              .filter(Boolean)
              .join(' · ') || t('diagnosis.none'),
        },
        { header: t('diagnosis.col.answered_by'), cell: (n) => (n.resources.length ? n.resources.join(', ') : t('diagnosis.resource.none')) },
        ...(props.actionsBase ? [{ header: t('diagnosis.col.actions'), cell: (n: NeedRow) => rowActions(ctx, `${props.actionsBase}/potrzeby/${n.id}`, n.title) }] : []),
      ]}
      rows={props.rows}
      empty={props.empty}
    />
  );
}

export function DiagnosisPage(props: { ctx: PageContext; staff: boolean; view: { diagnosis: DiagnosisRow; indicators: IndicatorRow[]; needs: NeedRow[]; resources: ResourceRow[]; gaps: NeedRow[] } }) {
  const { ctx, staff } = props;
  const { t } = ctx.i18n;
  const { diagnosis: d, needs, resources, gaps } = props.view;
  const base = `${diagnosisBase(ctx)}/${d.id}`;
  const editable = staff && d.status !== 'adopted';
  const next = nextStatus(d.status);
  const needTitle = new Map(needs.map((n) => [n.id, n.title]));
  return (
    <PageLayout ctx={ctx} title={d.title} back={{ href: diagnosisBase(ctx), label: t('diagnosis.back') }}>
      <p>
        {t('diagnosis.period', { from: d.period_from, to: d.period_to })} · {t('diagnosis.status_label')}: {statusLabel(ctx, d)}
        {d.adopted_on ? ` · ${t('diagnosis.adopted_on', { day: d.adopted_on })}` : ''}
      </p>
      {editable ? (
        <p>
          <a href={`${base}/edycja`}>{t('diagnosis.edit')}</a>
        </p>
      ) : null}
      {staff && next ? (
        <Form ctx={ctx} action={`${base}/stan`}>
          <input type="hidden" name="version" value={String(d.version)} />
          <p>
            <button type="submit">{t(`diagnosis.advance.${next}` as MessageKey)}</button>
          </p>
        </Form>
      ) : null}
      <h2>{t('diagnosis.section.scope')}</h2>
      <dl>
        <dt>{t('diagnosis.field.areas')}</dt>
        <dd>{d.areas.map((a) => areaLabel(ctx, a)).join(', ') || t('diagnosis.none')}</dd>
        <dt>{t('diagnosis.field.groups')}</dt>
        <dd>{d.groups.map((g) => groupLabel(ctx, g)).join(', ') || t('diagnosis.none')}</dd>
        <dt>{t('diagnosis.field.sources')}</dt>
        <dd>{d.sources || t('diagnosis.none')}</dd>
        <dt>{t('diagnosis.field.team')}</dt>
        <dd>{d.team || t('diagnosis.none')}</dd>
        <dt>{t('diagnosis.field.timetable')}</dt>
        <dd>{d.timetable || t('diagnosis.none')}</dd>
      </dl>
      <h2 id="luki">{t('diagnosis.section.gaps')}</h2>
      <p>{gaps.length ? t('diagnosis.gaps.count', { n: gaps.length }) : t('diagnosis.gaps.none')}</p>
      {gaps.length ? <NeedsTable ctx={ctx} id="gaps" caption={t('diagnosis.section.gaps')} rows={gaps} empty={t('diagnosis.gaps.none')} /> : null}
      <h2>{t('diagnosis.section.needs')}</h2>
      {editable ? (
        <p>
          <a href={`${base}/potrzeby/nowa`}>{t('diagnosis.needs.add')}</a>
        </p>
      ) : null}
      <NeedsTable ctx={ctx} id="needs" caption={t('diagnosis.section.needs')} rows={needs} empty={t('diagnosis.needs.empty')} actionsBase={editable ? base : undefined} />
      <h2>{t('diagnosis.section.resources')}</h2>
      {editable ? (
        <p>
          <a href={`${base}/zasoby/nowy`}>{t('diagnosis.resources.add')}</a>
        </p>
      ) : null}
      <Table
        id="resources"
        caption={t('diagnosis.section.resources')}
        captionHidden
        columns={[
          { header: t('diagnosis.col.resource'), cell: (r) => r.name, rowHeader: true },
          { header: t('diagnosis.col.area'), cell: (r) => areaLabel(ctx, r.area) },
          { header: t('diagnosis.col.places'), cell: (r) => (r.places === null ? t('diagnosis.none') : numberOf(ctx, r.places)), numeric: true },
          { header: t('diagnosis.col.potential'), cell: (r) => r.potential || t('diagnosis.none') },
          { header: t('diagnosis.col.needs'), cell: (r) => r.need_ids.map((id) => needTitle.get(id) ?? '').filter(Boolean).join('; ') || t('diagnosis.none') },
          ...(editable ? [{ header: t('diagnosis.col.actions'), cell: (r: ResourceRow) => rowActions(ctx, `${base}/zasoby/${r.id}`, r.name) }] : []),
        ]}
        rows={resources}
        empty={t('diagnosis.resources.empty')}
      />
      <h2>{t('diagnosis.section.data')}</h2>
      {editable ? (
        <p>
          <a href={`${base}/dane`}>{t('diagnosis.data.import')}</a>
        </p>
      ) : null}
      <IndicatorsTable ctx={ctx} rows={props.view.indicators} />
    </PageLayout>
  );
}

export function DiagnosisFormPage(props: { ctx: PageContext; form: FormState; diagnosis?: DiagnosisRow; conflict?: Conflict }) {
  const { ctx, form, diagnosis: d } = props;
  const { t } = ctx.i18n;
  const labels = labelsOf(ctx, 'diagnosis.field', DIAGNOSIS_FIELDS);
  const field = { ctx, form };
  const base = diagnosisBase(ctx);
  return (
    <PageLayout ctx={ctx} title={d ? t('diagnosis.edit') : t('diagnosis.new')} back={{ href: d ? `${base}/${d.id}` : base, label: d ? d.title : t('diagnosis.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={d ? `${base}/${d.id}/edycja` : `${base}/nowa`} class="admin-form">
        {d ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
        <TextField {...field} name="title" label={labels.title!} required />
        <div class="admin-row">
          <InputField {...field} name="period_from" type="date" label={labels.period_from!} required size="medium" />
          <InputField {...field} name="period_to" type="date" label={labels.period_to!} required size="medium" />
        </div>
        <CheckboxGroup {...field} name="areas" legend={labels.areas!} options={AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        <CheckboxGroup {...field} name="groups" legend={labels.groups!} options={TARGET_GROUPS.map((g) => ({ value: g, label: groupLabel(ctx, g) }))} />
        <TextArea {...field} name="sources" label={labels.sources!} rows={4} />
        <TextArea {...field} name="team" label={labels.team!} rows={3} />
        <TextArea {...field} name="timetable" label={labels.timetable!} rows={4} />
        <p class="admin-actions">
          <button type="submit">{d ? t('form.save') : t('diagnosis.create')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

export function ImportPage(props: { ctx: PageContext; form: FormState; diagnosis: DiagnosisRow; problems?: CsvProblem[] }) {
  const { ctx, form, diagnosis: d } = props;
  const { t } = ctx.i18n;
  const labels = labelsOf(ctx, 'diagnosis.import.field', IMPORT_FIELDS);
  const field = { ctx, form };
  const base = `${diagnosisBase(ctx)}/${d.id}`;
  return (
    <PageLayout ctx={ctx} title={t('diagnosis.import.title', { title: d.title })} back={{ href: base, label: d.title }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      {props.problems?.length ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{t('diagnosis.import.refused')}</h2>
          <ul>
            {props.problems.map((p) => (
              <li>
                <a href="#f-csv">{t('diagnosis.import.problem', { row: p.row, column: p.column, message: t(`diagnosis.csv.${p.code}`) })}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t('diagnosis.import.intro')}</p>
      <Form ctx={ctx} action={`${base}/dane`} class="admin-form">
        <TextField {...field} name="title" label={labels.title!} required />
        <TextField {...field} name="source" label={labels.source!} />
        <InputField {...field} name="source_date" type="date" label={labels.source_date!} size="medium" />
        <TextArea {...field} name="csv" label={labels.csv!} rows={14} required />
        <p class="admin-actions">
          <button type="submit">{t('diagnosis.import.submit')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

type Choices = { diagnosis: DiagnosisRow; indicators: IndicatorRow[]; needs: NeedRow[]; surveys: { id: string; name: string }[]; organisations: { id: string; name: string }[]; services: { id: string; name: string }[] };

/** Editing a saved need or resource: its id, the version the form was read at, and the other side of a 409. */
export interface Editing {
  id: string;
  version: string;
  conflict?: Conflict;
}

export function NeedFormPage(props: { ctx: PageContext; form: FormState; choices: Choices; editing?: Editing }) {
  const { ctx, form, choices: c, editing } = props;
  const { t } = ctx.i18n;
  const labels = labelsOf(ctx, 'diagnosis.need.field', NEED_FIELDS);
  const field = { ctx, form };
  const base = `${diagnosisBase(ctx)}/${c.diagnosis.id}`;
  return (
    <PageLayout ctx={ctx} title={t(editing ? 'diagnosis.need.edit_title' : 'diagnosis.need.title', { title: c.diagnosis.title })} back={{ href: base, label: c.diagnosis.title }}>
      {editing?.conflict ? <ConflictPanel ctx={ctx} conflict={editing.conflict} labels={labels} /> : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={editing ? `${base}/potrzeby/${editing.id}/edycja` : `${base}/potrzeby/nowa`} class="admin-form">
        {editing ? <input type="hidden" name="version" value={editing.version} /> : null}
        <TextField {...field} name="title" label={labels.title!} required />
        <SelectField {...field} name="area" label={labels.area!} required options={AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        <SelectField {...field} name="target_group" label={labels.target_group!} required options={TARGET_GROUPS.map((g) => ({ value: g, label: groupLabel(ctx, g) }))} />
        <SelectField {...field} name="priority" label={labels.priority!} required options={PRIORITIES.map((p) => ({ value: p, label: t(`diagnosis.priority.${p}`) }))} />
        <TextArea {...field} name="evidence" label={labels.evidence!} rows={5} />
        <SelectField {...field} name="survey_id" label={labels.survey_id!} options={[{ value: '', label: t('diagnosis.need.no_survey') }, ...c.surveys.map((s) => ({ value: s.id, label: s.name }))]} />
        {c.indicators.length ? (
          <CheckboxGroup {...field} name="indicator_ids" legend={labels.indicator_ids!} options={c.indicators.map((i) => ({ value: i.id, label: `${i.indicator}${i.breakdown ? `, ${i.breakdown}` : ''}, ${i.period}: ${numberOf(ctx, i.value)}${i.unit ? ` ${i.unit}` : ''}` }))} />
        ) : null}
        <p class="admin-actions">
          <button type="submit">{t(editing ? 'diagnosis.save' : 'diagnosis.needs.add')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

export function ResourceFormPage(props: { ctx: PageContext; form: FormState; choices: Choices; editing?: Editing }) {
  const { ctx, form, choices: c, editing } = props;
  const { t } = ctx.i18n;
  const labels = labelsOf(ctx, 'diagnosis.resource.field', RESOURCE_FIELDS);
  const field = { ctx, form };
  const base = `${diagnosisBase(ctx)}/${c.diagnosis.id}`;
  const none = { value: '', label: t('diagnosis.resource.none') };
  return (
    <PageLayout ctx={ctx} title={t(editing ? 'diagnosis.resource.edit_title' : 'diagnosis.resource.title', { title: c.diagnosis.title })} back={{ href: base, label: c.diagnosis.title }}>
      {editing?.conflict ? <ConflictPanel ctx={ctx} conflict={editing.conflict} labels={labels} /> : null}
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={editing ? `${base}/zasoby/${editing.id}/edycja` : `${base}/zasoby/nowy`} class="admin-form">
        {editing ? <input type="hidden" name="version" value={editing.version} /> : null}
        <TextField {...field} name="name" label={labels.name!} hint={t('diagnosis.resource.hint.name')} />
        <SelectField {...field} name="area" label={labels.area!} required options={AREAS.map((a) => ({ value: a, label: areaLabel(ctx, a) }))} />
        <SelectField {...field} name="service_id" label={labels.service_id!} options={[none, ...c.services.map((s) => ({ value: s.id, label: s.name }))]} />
        <SelectField {...field} name="organisation_id" label={labels.organisation_id!} options={[none, ...c.organisations.map((o) => ({ value: o.id, label: o.name }))]} />
        <InputField {...field} name="places" label={labels.places!} inputmode="numeric" size="short" />
        <TextArea {...field} name="potential" label={labels.potential!} rows={4} />
        {c.needs.length ? <CheckboxGroup {...field} name="need_ids" legend={labels.need_ids!} options={c.needs.map((n) => ({ value: n.id, label: `${n.title} (${areaLabel(ctx, n.area)})` }))} /> : null}
        <p class="admin-actions">
          <button type="submit">{t(editing ? 'diagnosis.save' : 'diagnosis.resources.add')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}
