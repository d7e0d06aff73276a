import { ConfirmPage } from '../../../platform/ui/confirm';
import type { FormState, PageContext } from '../../../platform/ui/context';
import type { TeamRow } from '../repository-teams';
import { casesBase } from './common';

/** "Usunąć osobę z zespołu?": who and which team, what changes for their cases, and that adding them back undoes it. */
export function RemoveMemberPage(props: { ctx: PageContext; team: TeamRow; member: { id: string; display_name: string }; form: FormState }) {
  const { ctx, team, member } = props;
  const { t } = ctx.i18n;
  const page = `${casesBase(ctx)}/teams/${team.id}`;
  return (
    <ConfirmPage
      ctx={ctx}
      title={t('cases.teams.remove_title')}
      back={{ href: page, label: t('cases.teams.edit', { name: team.name }) }}
      facts={[
        [t('cases.teams.member'), member.display_name],
        [t('cases.teams.name'), team.name],
      ]}
      consequences={[t('cases.teams.remove_effect', { name: member.display_name, team: team.name }), t('cases.teams.remove_cases')]}
      undo={t('cases.teams.remove_undo')}
      action={`${page}/members/${member.id}/remove`}
      submit={t('cases.teams.remove_submit')}
      keep={{ href: page, label: t('cases.teams.remove_keep') }}
      form={props.form}
    >
      <input type="hidden" name="version" value={String(props.form.values.version ?? team.version)} />
    </ConfirmPage>
  );
}
