import type { FormState, PageContext } from '../../platform/ui/context';
import { ErrorSummary, Form, TextField, fieldId } from '../../platform/ui/forms';
import { Layout } from '../../platform/ui/layout';
import type { AuditFilter, AuditRow } from './repository';

function query(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function AuditPage(props: { ctx: PageContext; form: FormState; filter: AuditFilter; rows: AuditRow[]; hasMore: boolean; actions: string[] }) {
  const { ctx, form, rows } = props;
  const { t, dateTime } = ctx.i18n;
  const base = `/${ctx.municipality!.slug}/audit`;
  const labels = { from: t('field.from'), to: t('field.to'), action: t('field.action'), actor: t('field.actor'), subject: t('field.subject') };
  const { before: _before, ...filterWithoutPage } = props.filter;
  const selectedAction = String(form.values.action ?? '');
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={base} method="get" class="filters">
        <TextField ctx={ctx} form={form} name="from" type="date" label={labels.from} />
        <TextField ctx={ctx} form={form} name="to" type="date" label={labels.to} />
        <div class="field">
          <label for={fieldId('action')}>{labels.action}</label>
          <select id={fieldId('action')} name="action">
            <option value="">—</option>
            {props.actions.map((a) => (
              <option value={a} selected={a === selectedAction}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <TextField ctx={ctx} form={form} name="actor" label={labels.actor} />
        <TextField ctx={ctx} form={form} name="subject" label={labels.subject} />
        <button type="submit">{t('audit.filter')}</button>
      </Form>
      <p>
        <a href={`${base}.csv${query(filterWithoutPage)}`} download>
          {t('audit.export_csv')}
        </a>
      </p>
      {rows.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <>
          <p class="muted" role="status">
            {t('audit.shown', { count: rows.length })}
          </p>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">{t('audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.col.when')}</th>
                  <th scope="col">{t('audit.col.who')}</th>
                  <th scope="col">{t('audit.col.action')}</th>
                  <th scope="col">{t('audit.col.subject')}</th>
                  <th scope="col">{t('audit.col.reason')}</th>
                  <th scope="col">{t('audit.col.from')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <time dateTime={new Date(r.occurred_at).toISOString()}>{dateTime(r.occurred_at)}</time>
                    </td>
                    <td>{r.actor_label || '—'}</td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>{r.subject_type ? `${r.subject_type} ${r.subject_id}` : '—'}</td>
                    <td>{r.reason || '—'}</td>
                    <td>{r.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <nav aria-label={t('audit.title')} class="pager">
        {props.filter.before ? <a href={`${base}${query(filterWithoutPage)}`}>{t('audit.newest')}</a> : null}{' '}
        {props.hasMore ? <a href={`${base}${query(filterWithoutPage, { before: rows.at(-1)!.id })}`}>{t('audit.older')}</a> : null}
      </nav>
    </Layout>
  );
}
