import { fieldMessageKey } from '../../../platform/http/errors';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { FileField } from '../../../platform/ui/fields';
import { Csrf, ErrorSummary } from '../../../platform/ui/forms';
import { AdminLayout, adminBase } from '../admin/views-common';
import type { RowError, ServiceRef } from './import';

const FILE = 'file';


function RowErrors(props: { ctx: PageContext; errors: RowError[] }) {
  const { t } = props.ctx.i18n;
  return (
    <div class="error-summary transfer-errors" role="alert" aria-labelledby="transfer-errors-title" tabIndex={-1} id="error-summary">
      <h2 id="transfer-errors-title">{t('catalog_transfer.errors_title', { count: props.errors.length })}</h2>
      <p>{t('catalog_transfer.errors_hint')}</p>
      {/* Scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it too. */}
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('catalog_transfer.errors_caption')}>
        <table class="transfer-errors-table">
          <caption class="visually-hidden">{t('catalog_transfer.errors_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog_transfer.col.row')}</th>
              <th scope="col">{t('catalog_transfer.col.column')}</th>
              <th scope="col">{t('catalog_transfer.col.value')}</th>
              <th scope="col">{t('catalog_transfer.col.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {props.errors.map((e) => (
              <tr>
                <th scope="row">{e.row}</th>
                <td>
                  <code>{e.column}</code>
                </td>
                <td class="transfer-value">{e.value.trim() === '' ? t('catalog_transfer.empty_value') : e.value.slice(0, 200)}</td>
                <td>{t(fieldMessageKey(e.code), e.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The import form, with what is wrong with the file (a form error) or its rows (a table of every error). */
export function ImportPage(props: { ctx: PageContext; form: FormState; rowErrors?: RowError[] }) {
  const { ctx, form } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  return (
    <AdminLayout ctx={ctx} title={t('catalog_transfer.title')}>
      {props.rowErrors?.length ? <RowErrors ctx={ctx} errors={props.rowErrors} /> : <ErrorSummary ctx={ctx} form={form} labels={{ [FILE]: t('catalog_transfer.file') }} />}
      <section aria-labelledby="transfer-export-title">
        <h2 id="transfer-export-title">{t('catalog_transfer.export_title')}</h2>
        <p>{t('catalog_transfer.export_intro')}</p>
        <ul class="links">
          <li>
            <a href={`${base}/export.xlsx`} download>
              {t('catalog_transfer.export_xlsx')}
            </a>
          </li>
          <li>
            <a href={`${base}/export.csv`} download>
              {t('catalog_transfer.export_csv')}
            </a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="transfer-import-title">
        <h2 id="transfer-import-title">{t('catalog_transfer.import_title')}</h2>
        <h3>{t('catalog_transfer.format_title')}</h3>
        <ul class="transfer-rules">
          <li>{t('catalog_transfer.format_template')}</li>
          <li>{t('catalog_transfer.format_id')}</li>
          <li>{t('catalog_transfer.format_version')}</li>
          <li>{t('catalog_transfer.format_lists')}</li>
          <li>{t('catalog_transfer.format_names')}</li>
          <li>{t('catalog_transfer.format_all_or_nothing')}</li>
        </ul>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" novalidate>
          <Csrf ctx={ctx} />
          <FileField ctx={ctx} form={form} name={FILE} label={t('catalog_transfer.file')} hint={t('catalog_transfer.file_hint')} required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
          <p class="admin-actions">
            <button type="submit">{t('catalog_transfer.submit')}</button>
          </p>
        </form>
      </section>
    </AdminLayout>
  );
}

function RefList(props: { ctx: PageContext; id: string; title: string; refs: ServiceRef[] }) {
  if (props.refs.length === 0) return null;
  const base = adminBase(props.ctx);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <ul>
        {props.refs.map((r) => (
          <li>
            <a href={`${base}/services/${r.id}`}>{r.name}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the import saved: "Zaimportowano: 2 nowe, 5 zmienionych, 14 bez zmian", with links to the services. */
export function ImportDonePage(props: { ctx: PageContext; created: ServiceRef[]; updated: ServiceRef[]; unchanged: number }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = adminBase(ctx);
  const summary = t('catalog_transfer.done_summary', {
    created: t('catalog_transfer.done_created', { count: props.created.length }),
    updated: t('catalog_transfer.done_updated', { count: props.updated.length }),
    unchanged: t('catalog_transfer.done_unchanged', { count: props.unchanged }),
  });
  return (
    <AdminLayout ctx={ctx} title={t('catalog_transfer.done_title')}>
      <p class="transfer-done" role="status">
        {summary}
      </p>
      <RefList ctx={ctx} id="transfer-created" title={t('catalog_transfer.done_created_list')} refs={props.created} />
      <RefList ctx={ctx} id="transfer-updated" title={t('catalog_transfer.done_updated_list')} refs={props.updated} />
      <ul class="links">
        <li>
          <a href={base}>{t('catalog_transfer.done_back')}</a>
        </li>
        <li>
          <a href={`${base}/import`}>{t('catalog_transfer.done_again')}</a>
        </li>
      </ul>
    </AdminLayout>
  );
}
