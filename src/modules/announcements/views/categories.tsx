import type { FormState, PageContext } from '../../../platform/ui/context';
import { ConflictPanel, type Conflict } from '../../../platform/ui/conflict';
import { ErrorSummary, Form, TextField } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import { Table } from '../../../platform/ui/table';
import type { CategoryRow } from '../domain';
import type { CategoryWithCount } from '../repository-categories';
import { base } from './common';

/** Staff's categories: each with its address, its announcements counted, rename, retire or restore; a form to add one. */
export function CategoriesPage(props: { ctx: PageContext; list: CategoryWithCount[]; form: FormState }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const b = `${base(ctx)}/kategorie`;
  const labels = { name: t('announcements.categories.field.name') };
  return (
    <PageLayout ctx={ctx} title={t('announcements.categories.title')} back={{ href: `${base(ctx)}/zarzadzanie`, label: t('announcements.manage.title') }}>
      <p>{t('announcements.categories.intro')}</p>
      <Table
        id="categories"
        caption={t('announcements.categories.caption')}
        rows={props.list}
        empty=""
        columns={[
          { header: t('announcements.categories.col.name'), cell: (c) => c.name, rowHeader: true },
          { header: t('announcements.categories.col.address'), cell: (c) => <a href={`${base(ctx)}/kategoria/${c.slug}`}>{c.slug}</a> },
          { header: t('announcements.categories.col.count'), cell: (c) => String(c.announcements), numeric: true },
          { header: t('announcements.categories.col.status'), cell: (c) => t(c.retired_at ? 'announcements.categories.retired' : 'announcements.categories.active') },
          {
            header: t('announcements.categories.col.actions'),
            cell: (c) => (
              <>
                <a href={`${b}/${c.id}/edycja`}>
                  {t('announcements.categories.rename')}
                  <span class="visually-hidden">{t('announcements.categories.of', { name: c.name })}</span>
                </a>
                <Form ctx={ctx} action={`${b}/${c.id}/${c.retired_at ? 'przywroc' : 'wycofaj'}`} class="inline-form">
                  <input type="hidden" name="version" value={String(c.version)} />
                  <button type="submit" class="secondary">
                    {t(c.retired_at ? 'announcements.categories.restore' : 'announcements.categories.retire')}
                    <span class="visually-hidden">{t('announcements.categories.of', { name: c.name })}</span>
                  </button>
                </Form>
              </>
            ),
          },
        ]}
      />
      <h2 id="add-title">{t('announcements.categories.add')}</h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={b} class="admin-form">
        <TextField ctx={ctx} form={form} name="name" label={labels.name} hint={t('announcements.categories.hint.name')} required />
        <p class="admin-actions">
          <button type="submit">{t('announcements.categories.add')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}

/** Renaming one category on the version seen; a stale save shows what was typed beside what is saved. */
export function CategoryEditPage(props: { ctx: PageContext; category: CategoryRow; form: FormState; conflict?: Conflict }) {
  const { ctx, category: c, form } = props;
  const { t } = ctx.i18n;
  const b = `${base(ctx)}/kategorie`;
  const labels = { name: t('announcements.categories.field.name') };
  return (
    <PageLayout ctx={ctx} title={t('announcements.categories.edit_title', { name: c.name })} back={{ href: b, label: t('announcements.categories.back') }}>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <ConflictPanel ctx={ctx} labels={labels} conflict={props.conflict} />
      <Form ctx={ctx} action={`${b}/${c.id}/edycja`} class="admin-form">
        <input type="hidden" name="version" value={String(form.values.version ?? c.version)} />
        <TextField ctx={ctx} form={form} name="name" label={labels.name} hint={t('announcements.categories.hint.name')} required />
        <p class="admin-actions">
          <button type="submit">{t('form.save')}</button>
        </p>
      </Form>
    </PageLayout>
  );
}
