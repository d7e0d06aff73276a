import type { FormState, PageContext } from '../../../platform/ui/context';
import { NumberField } from '../../../platform/ui/fields';
import { ErrorSummary, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { RetentionPage } from '../service-retention';
import { casesBase } from './common';

/** How long closed cases keep personal data (versioned), and how many are kept, due and anonymised. */
export function RetentionView(props: { ctx: PageContext; data: RetentionPage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const p = data.policy;
  const labels = { months: t('cases.retention.months') };
  return (
    <PageLayout ctx={ctx} title={t('cases.retention.title')} back={{ href: `${casesBase(ctx)}/teams`, label: t('cases.teams.title') }}>
      <p>{t('cases.retention.intro')}</p>
      <p>{p.updated_at ? t('cases.retention.updated', { when: ctx.i18n.dateTime(p.updated_at), who: p.updated_by_name ?? '' }) : t('cases.retention.default')}</p>
      <p>{t('cases.retention.counts', data.counts)}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`${casesBase(ctx)}/retention`}>
        <input type="hidden" name="version" value={String(p.version)} />
        <NumberField ctx={ctx} form={form} name="months" label={labels.months} hint={t('cases.retention.months_hint')} required />
        <button type="submit">{t('cases.retention.save')}</button>
      </Form>
    </PageLayout>
  );
}
