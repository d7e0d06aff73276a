import type { PageContext, FormState } from '../../../platform/ui/context';
import { NumberField, RadioGroup, SelectField } from '../../../platform/ui/fields';
import { CheckboxGroup, TextField } from '../../../platform/ui/forms';
import type { EditionRow, ProjectRow } from '../domain';
import { pointsField, rankCount, rankField } from '../form';
import { ballotText, zl } from './common';

const optionLabel = (ctx: PageContext, p: ProjectRow) => `${p.title} — ${zl(ctx, p.cost)}`;

/** The ballot's controls for the edition's kind, without JavaScript: checkboxes, radios, points or a select per place. */
export function BallotFields(props: { ctx: PageContext; form: FormState; edition: EditionRow; projects: ProjectRow[] }) {
  const { ctx, form, edition, projects } = props;
  const { t } = ctx.i18n;
  const options = projects.map((p) => ({ value: p.id, label: optionLabel(ctx, p) }));
  if (edition.ballot_kind === 'choose-one') return <RadioGroup ctx={ctx} form={form} name="projects" label={t('budget.vote.projects')} hint={ballotText(ctx, edition)} options={options} />;
  if (edition.ballot_kind === 'approval') {
    return (
      <>
        <p id="ballot-rule">{ballotText(ctx, edition)}</p>
        <CheckboxGroup ctx={ctx} form={form} name="projects" legend={t('budget.vote.projects')} options={options} />
      </>
    );
  }
  if (edition.ballot_kind === 'cumulative') {
    return (
      <fieldset class="field">
        <legend>{t('budget.vote.projects')}</legend>
        <p class="hint">{ballotText(ctx, edition)}</p>
        {projects.map((p) => (
          <NumberField ctx={ctx} form={form} name={pointsField(p.id)} label={t('budget.vote.points_for', { title: optionLabel(ctx, p) })} />
        ))}
      </fieldset>
    );
  }
  return (
    <fieldset class="field">
      <legend>{t('budget.vote.projects')}</legend>
      <p class="hint">{ballotText(ctx, edition)}</p>
      {Array.from({ length: rankCount(edition) }, (_, i) => (
        <SelectField ctx={ctx} form={form} name={rankField(i + 1)} label={t('budget.vote.rank', { rank: i + 1 })} options={options} placeholder={t('budget.vote.rank_none')} />
      ))}
    </fieldset>
  );
}

export function PeselField(props: { ctx: PageContext; form: FormState; edition: EditionRow }) {
  const { ctx, form, edition } = props;
  const { t } = ctx.i18n;
  const hint = [t('budget.vote.pesel_hint'), edition.age_limit ? t('budget.vote.age_hint', { age: edition.age_limit }) : ''].filter(Boolean).join(' ');
  return <TextField ctx={ctx} form={form} name="pesel" label={t('budget.vote.pesel')} hint={hint} required inputmode="numeric" autocomplete="off" />;
}

/** The labels of the error summary: the field names as the form shows them. */
export function ballotLabels(ctx: PageContext, edition: EditionRow, projects: ProjectRow[]): Record<string, string> {
  const { t } = ctx.i18n;
  const labels: Record<string, string> = { pesel: t('budget.vote.pesel'), change_code: t('budget.vote.change_field') };
  if (edition.ballot_kind === 'cumulative') for (const p of projects) labels[pointsField(p.id)] = t('budget.vote.points_for', { title: p.title });
  else if (edition.ballot_kind === 'ordinal') labels[rankField(1)] = t('budget.vote.rank', { rank: 1 });
  else labels.projects = t('budget.vote.projects');
  return labels;
}

/** What was typed, carried through the confirmation page as hidden fields. */
export function HiddenValues(props: { values: FormState['values'] }) {
  return (
    <>
      {Object.entries(props.values)
        .filter(([k]) => k !== '_csrf' && k !== 'confirmed')
        .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => <input type="hidden" name={k} value={x} />))}
    </>
  );
}
