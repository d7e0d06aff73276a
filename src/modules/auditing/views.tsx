import { hasMessage } from '../../platform/i18n';
import type { FormState, PageContext } from '../../platform/ui/context';
import { ErrorSummary, Form, TextField, fieldId } from '../../platform/ui/forms';
import { Layout } from '../../platform/ui/layout';
import { Table } from '../../platform/ui/table';
import { REPEAT_WINDOW_MINUTES } from './collapse';
import type { AuditFilter } from './repository';
import type { ShownRow } from './service';

function query(filter: AuditFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function subjectText(ctx: PageContext, r: ShownRow): string {
  const { t } = ctx.i18n;
  const { record, case: inCase } = r.about;
  const parts = [record ? t(record.label, { reference: record.reference }) : null, inCase ? t(inCase.label, { reference: inCase.reference }) : null].filter((p): p is string => p !== null);
  if (parts.length) return parts.join(' — ');
  return r.subject_type ? `${r.subject_type} ${r.subject_id}` : '—';
}

/** An event in words: its own name, or its area's with the code (a module's new action before it has words). */
export function eventText(ctx: PageContext, action: string): string {
  const own = `audit.event.${action}`;
  if (hasMessage(own)) return ctx.i18n.t(own);
  const area = `audit.area.${action.split('.')[0]}`;
  return `${ctx.i18n.t(hasMessage(area) ? area : 'audit.area.other')} (${action})`;
}

export function AuditPage(props: { ctx: PageContext; form: FormState; filter: AuditFilter; rows: ShownRow[]; hasMore: boolean; lastId: number | undefined; actions: string[] }) {
  const { ctx, form, rows } = props;
  const { t, dateTime } = ctx.i18n;
  const base = `/${ctx.municipality!.slug}/audit`;
  const labels = { from: t('field.from'), to: t('field.to'), action: t('field.action'), actor: t('field.actor'), subject: t('field.subject'), person: t('audit.field.person') };
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
                {eventText(ctx, a)}
              </option>
            ))}
          </select>
        </div>
        <TextField ctx={ctx} form={form} name="actor" label={labels.actor} />
        <TextField ctx={ctx} form={form} name="subject" label={labels.subject} />
        <TextField ctx={ctx} form={form} name="person" label={labels.person} hint={t('audit.person_hint')} />
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
          <Table
            id="audit-log"
            caption={t('audit.title')}
            captionHidden
            rows={rows}
            empty={t('audit.empty')}
            columns={[
              { header: t('audit.col.when'), rowHeader: true, cell: (r) => <time dateTime={new Date(r.occurred_at).toISOString()}>{dateTime(r.occurred_at)}</time> },
              { header: t('audit.col.who'), cell: (r) => r.actor_label || '—' },
              {
                header: t('audit.col.action'),
                cell: (r) => (
                  <>
                    {eventText(ctx, r.action)}
                    {r.count > 1 ? <> {t('audit.repeated', { count: r.count, minutes: REPEAT_WINDOW_MINUTES })}</> : null}
                    <br />
                    <span class="muted"><code>{r.action}</code></span>
                  </>
                ),
              },
              { header: t('audit.col.subject'), cell: (r) => subjectText(ctx, r) },
              { header: t('audit.col.person'), cell: (r) => r.about.record?.personName ?? r.about.case?.personName ?? '—' },
              { header: t('audit.col.reason'), cell: (r) => r.reason || '—' },
              { header: t('audit.col.from'), cell: (r) => r.ip },
            ]}
          />
        </>
      )}
      <nav aria-label={t('audit.title')} class="pager">
        {props.filter.before ? <a href={`${base}${query(filterWithoutPage)}`}>{t('audit.newest')}</a> : null}{' '}
        {props.hasMore && props.lastId ? <a href={`${base}${query(filterWithoutPage, { before: props.lastId })}`}>{t('audit.older')}</a> : null}
      </nav>
    </Layout>
  );
}
