import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import type { Criterion } from '../criteria';
import type { EntityType } from './history';
import type { HistoryRow } from './repository-admin';
import { AdminLayout } from './views-common';
import { languageName } from './views-service';

/** The version history of a catalogue record: who saved, when (Europe/Warsaw), each changed field before → after. */

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function describeCriterion(ctx: PageContext, c: Criterion): string {
  const { t } = ctx.i18n;
  switch (c.type) {
    case 'age':
      if (c.min !== undefined && c.max !== undefined) return t('catalog_admin.criterion.age_range', { min: c.min, max: c.max });
      return c.min !== undefined ? t('catalog_admin.criterion.age_min', { min: c.min }) : t('catalog_admin.criterion.age_max', { max: c.max ?? 0 });
    case 'income_per_person':
      return t('catalog_admin.criterion.income', { max: money(ctx, c.max) });
    default:
      return t(`catalog_admin.field.${c.type}`);
  }
}

function money(ctx: PageContext, v: unknown): string {
  const n = Number(v);
  return new Intl.NumberFormat(ctx.i18n.locale === 'pl' ? 'pl-PL' : 'en-GB', { style: 'currency', currency: 'PLN' }).format(n);
}

const day = (ctx: PageContext, v: string) => ctx.i18n.date(`${v}T12:00:00Z`);

/** A recorded value in words: labels for codes, names joined, dates and money the locale's way. */
export function showValue(ctx: PageContext, entity: EntityType, field: string, value: unknown): string {
  const { t } = ctx.i18n;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return t(value ? 'catalog_admin.yes' : 'catalog_admin.no');
  const labelled = (prefix: string) => t(`${prefix}${String(value)}` as MessageKey);
  switch (field) {
    case 'area':
      return labelled('area.');
    case 'status':
      return labelled(entity === 'programme' ? 'programme_status.' : 'service_status.');
    case 'kind':
      return labelled('provider_kind.');
    case 'fee_kind':
      return labelled('catalog_admin.fee_kind.');
    case 'fee_amount':
      return money(ctx, value);
    case 'target_groups':
      return list(value).map((g) => t(`group.${String(g)}` as MessageKey)).join(', ');
    case 'languages':
      return list(value).map((l) => languageName(ctx, String(l))).join(', ');
    case 'criteria':
      return list(value).map((c) => describeCriterion(ctx, c as Criterion)).join('; ');
    case 'required_documents':
    case 'locations':
    case 'services':
      return list(value).map(String).join('; ');
    case 'hours':
      return list(value)
        .map((h) => {
          const r = h as { weekday: number; opens: string; closes: string };
          return `${t(`weekday.${r.weekday}` as MessageKey)} ${r.opens}–${r.closes}`;
        })
        .join('; ');
    case 'exceptions':
      return list(value)
        .map((e) => {
          const r = e as { day: string; closed: boolean; opens: string | null; closes: string | null; note: string };
          const when = r.closed ? t('catalog_admin.exception.closed') : `${r.opens}–${r.closes}`;
          return `${day(ctx, r.day)}: ${when}${r.note ? ` (${r.note})` : ''}`;
        })
        .join('; ');
    case 'period_from':
    case 'period_to':
    case 'resolution_date':
      return day(ctx, String(value));
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

export function HistoryPage(props: {
  ctx: PageContext;
  entity: EntityType;
  name: string;
  rows: HistoryRow[];
  /** The record's edit page. */
  back: string;
  /** The label of each field, by the name the history records. */
  labels: Record<string, string>;
}) {
  const { ctx, rows } = props;
  const { t, dateTime } = ctx.i18n;
  const title = t('catalog_admin.history.title', { name: props.name });
  return (
    <AdminLayout ctx={ctx} title={title} back={{ href: props.back, label: t('catalog_admin.history.back') }}>
      {rows.length === 0 ? <p class="admin-empty">{t('catalog_admin.history.empty')}</p> : null}
      <ol class="admin-history">
        {rows.map((r) => {
          const fields = Object.entries(r.changes);
          const headingId = `version-${r.version}-${r.id}`;
          return (
            <li>
              <section aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {t('catalog_admin.history.version', { version: r.version })}
                  <span class="admin-history-meta">
                    {' — '}
                    <time datetime={new Date(r.changed_at).toISOString()}>{dateTime(r.changed_at)}</time>
                    {', '}
                    {r.changed_by_label || t('catalog_admin.history.unknown_editor')}
                  </span>
                </h2>
                {fields.length === 0 ? (
                  <p>{t('catalog_admin.history.no_fields')}</p>
                ) : (
                  <div class="table-wrap">
                    <table class="admin-history-changes">
                      <caption class="visually-hidden">{t('catalog_admin.history.caption', { version: r.version })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('catalog_admin.history.col_field')}</th>
                          <th scope="col">{t('catalog_admin.history.col_before')}</th>
                          <th scope="col">{t('catalog_admin.history.col_after')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {fields.map(([field, [before, after]]) => (
                          <tr>
                            <th scope="row">{props.labels[field] ?? field}</th>
                            <td class="admin-history-value">{showValue(ctx, props.entity, field, before)}</td>
                            <td class="admin-history-value">{showValue(ctx, props.entity, field, after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            </li>
          );
        })}
      </ol>
    </AdminLayout>
  );
}

/** The history's field labels: each field by its `catalog_admin.field.<name>` message. */
export function historyLabels(ctx: PageContext, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, ctx.i18n.t(`catalog_admin.field.${f}` as MessageKey)]));
}
