import type { FormState, PageContext } from '../../../platform/ui/context';
import { InputField, SelectField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { TeamRow } from '../repository-teams';
import type { TeamsPage } from '../service-teams';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { casesBase, firstValue } from './common';

export const TEAM_FIELDS = ['name', 'unit_id', 'supervisor_id'] as const;

export const teamLabels = (ctx: PageContext): Record<string, string> => ({
  name: ctx.i18n.t('cases.teams.name'),
  unit_id: ctx.i18n.t('cases.teams.unit'),
  supervisor_id: ctx.i18n.t('cases.teams.supervisor'),
  user_id: ctx.i18n.t('cases.teams.member'),
});

export const teamValues = (t: TeamRow): Record<string, string> => ({ version: String(t.version), name: t.name, unit_id: t.unit_id ?? '', supervisor_id: t.supervisor_id ?? '' });

/** Name, unit, supervisor: the form of a new team and of a team's edit. */
export function TeamFields(props: { ctx: PageContext; data: TeamsPage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const labels = teamLabels(ctx);
  return (
    <>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <InputField ctx={ctx} form={form} name="name" label={labels.name!} required />
      <SelectField ctx={ctx} form={form} name="unit_id" label={labels.unit_id!} placeholder={t('cases.teams.no_unit')} options={data.units.map((u) => ({ value: u.id, label: u.name }))} />
      <SelectField ctx={ctx} form={form} name="supervisor_id" label={labels.supervisor_id!} placeholder={t('cases.teams.no_supervisor')} options={data.staff.map((s) => ({ value: s.id, label: s.display_name }))} />
    </>
  );
}

/** The coordinators' teams: each with its unit, supervisor and members; a new team. */
export function TeamsView(props: { ctx: PageContext; data: TeamsPage; form: FormState }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const base = `${casesBase(ctx)}/teams`;
  return (
    <PageLayout ctx={ctx} title={t('cases.teams.title')}>
      <p>{t('cases.teams.intro')}</p>
      <p>
        <a href={`${casesBase(ctx)}/retention`}>{t('cases.retention.title')}</a>
      </p>
      <Table
        id="teams"
        caption={t('cases.teams.title')}
        captionHidden
        rows={data.teams}
        empty={t('cases.teams.empty')}
        columns={[
          { header: t('cases.teams.name'), rowHeader: true, cell: (team) => <a href={`${base}/${team.id}`}>{team.name}</a> },
          { header: t('cases.teams.unit'), cell: (team) => team.unit_name ?? t('cases.none') },
          { header: t('cases.teams.supervisor'), cell: (team) => team.supervisor_name ?? t('cases.none') },
          { header: t('cases.teams.members'), cell: (team) => team.members.map((m) => m.display_name).join(', ') || t('cases.none') },
        ]}
      />
      <h2 id="new-team">{t('cases.teams.new')}</h2>
      <Form ctx={ctx} action={base}>
        <TeamFields ctx={ctx} data={data} form={props.form} />
        <button type="submit">{t('cases.teams.create')}</button>
      </Form>
    </PageLayout>
  );
}

/** One team: its edit (versioned; a stale one shows both versions), its members to add and remove. */
export function TeamView(props: { ctx: PageContext; data: TeamsPage & { team: TeamRow }; form: FormState; memberForm: FormState; conflict?: Conflict }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const team = data.team;
  const base = `${casesBase(ctx)}/teams/${team.id}`;
  const labels = teamLabels(ctx);
  const show = (f: string, v: string) => (f === 'unit_id' ? data.units.find((u) => u.id === v)?.name : f === 'supervisor_id' ? data.staff.find((s) => s.id === v)?.display_name : v) ?? v;
  const candidates = data.staff.filter((s) => !team.members.some((m) => m.id === s.id));
  return (
    <PageLayout ctx={ctx} title={t('cases.teams.edit', { name: team.name })} back={{ href: `${casesBase(ctx)}/teams`, label: t('cases.teams.back') }}>
      {props.conflict ? <ConflictPanel ctx={ctx} conflict={props.conflict} labels={labels} show={(f, v) => show(f, firstValue(v))} /> : null}
      <Form ctx={ctx} action={base}>
        <input type="hidden" name="version" value={String(props.form.values.version ?? team.version)} />
        <TeamFields ctx={ctx} data={data} form={props.form} />
        <button type="submit">{t('cases.teams.save')}</button>
      </Form>
      <h2 id="members-title">{t('cases.teams.members')}</h2>
      {team.members.length === 0 ? <p>{t('cases.teams.no_members')}</p> : null}
      <ul>
        {team.members.map((m) => (
          <li>
            {m.display_name}{' '}
            <a href={`${base}/members/${m.id}/remove`} aria-label={t('cases.teams.remove_member', { name: m.display_name })}>
              {t('cases.teams.remove')}
            </a>
          </li>
        ))}
      </ul>
      <ErrorSummary ctx={ctx} form={props.memberForm} labels={{ user_id: labels.user_id! }} />
      <Form ctx={ctx} action={`${base}/members`}>
        <input type="hidden" name="version" value={String(team.version)} />
        <SelectField ctx={ctx} form={props.memberForm} name="user_id" label={labels.user_id!} required placeholder={t('cases.teams.member_choose')} options={candidates.map((s) => ({ value: s.id, label: s.display_name }))} />
        <button type="submit" class="secondary">
          {t('cases.teams.add_member')}
        </button>
      </Form>
    </PageLayout>
  );
}
