import { fieldMessageKey } from '../../../platform/http/errors';
import type { FormState, PageContext } from '../../../platform/ui/context';
import { ErrorSummary, fieldId, Form } from '../../../platform/ui/forms';
import { PageLayout } from '../../../platform/ui/layout';
import type { QueuePage } from '../service-read';
import { applicationsBase, relationLabel, statusLabel, Warnings } from './common';

/**
 * One service's queue in order: place, applicant, beneficiary, waiting since, warnings (this read is
 * audited). The table is one form: tick several (duplicates) to decline them with one reason, typed on
 * the confirmation page the form leads to (a GET form: nothing is done before it).
 */
export function QueuePageView(props: { ctx: PageContext; data: QueuePage; form: FormState }) {
  const { ctx, data, form } = props;
  const { t } = ctx.i18n;
  const base = applicationsBase(ctx);
  const p = data.period;
  const raw = form.values.ids;
  const selected = new Set(Array.isArray(raw) ? raw : raw ? [raw] : []);
  const idsError = form.errors.ids ? t(fieldMessageKey(form.errors.ids.code), form.errors.ids.params) : null;
  const labels = { ids: t('applications.batch.selected') };
  return (
    <PageLayout ctx={ctx} title={t('applications.queue.title', { service: data.service.name })} back={{ href: base, label: t('applications.back_queues') }}>
      <p>
        {p
          ? t('applications.capacity.current', { from: p.period_from, to: p.period_to, places: p.places, accepted: p.accepted, left: Math.max(0, p.places - p.accepted) })
          : t('applications.capacity.none')}
      </p>
      <p>
        <a href={`${base}/services/${data.service.id}/capacity`}>{t('applications.capacity.link')}</a>
        {' · '}
        <a href={`${base}/services/${data.service.id}/export.csv`}>{t('applications.queue.export')}</a>
      </p>
      <p class="muted">{t('applications.queue.audited')}</p>
      {data.entries.length === 0 ? (
        <p class="admin-empty">{t('applications.queue.empty')}</p>
      ) : (
        <Form ctx={ctx} method="get" action={`${base}/services/${data.service.id}/decline`}>
          {form.message ? <p class="error-message" role="alert">{form.message}</p> : null}
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          {idsError ? <p class="error-message" id={`${fieldId('ids')}-error`}>{idsError}</p> : null}
          <div class="table-wrap" id={fieldId('ids')}>
            <table>
              <caption class="visually-hidden">{t('applications.queue.title', { service: data.service.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('applications.col.select')}</th>
                  <th scope="col">{t('applications.col.position')}</th>
                  <th scope="col">{t('applications.col.beneficiary')}</th>
                  <th scope="col">{t('applications.col.applicant')}</th>
                  <th scope="col">{t('applications.col.since')}</th>
                  <th scope="col">{t('applications.col.status')}</th>
                  <th scope="col">{t('applications.col.warnings')}</th>
                </tr>
              </thead>
              <tbody>
                {data.entries.map((e) => (
                  <tr>
                    <td>
                      <input type="checkbox" id={`${fieldId('ids')}-${e.id}`} name="ids" value={e.id} checked={selected.has(e.id)} />
                      <label for={`${fieldId('ids')}-${e.id}`} class="visually-hidden">{t('applications.batch.select', { name: e.beneficiary_name })}</label>
                      <input type="hidden" name={`version_${e.id}`} value={String(e.version)} />
                    </td>
                    <td>{e.queue_position}</td>
                    <th scope="row">
                      <a href={`${base}/${e.id}`}>{e.beneficiary_name}</a>
                      {e.beneficiary_birth_year !== null ? (
                        <>
                          <br />
                          <span class="muted">{t('applications.born', { year: e.beneficiary_birth_year })}</span>
                        </>
                      ) : null}
                    </th>
                    <td>
                      {e.applicant_name}
                      <br />
                      <span class="muted">{relationLabel(ctx, e.relation)}</span>
                    </td>
                    <td>{ctx.i18n.dateTime(e.submitted_at)}</td>
                    <td>{statusLabel(ctx, e.status)}</td>
                    <td>{e.warnings.length ? <Warnings ctx={ctx} warnings={e.warnings} /> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="batch-title">
            <h2 id="batch-title">{t('applications.batch.title')}</h2>
            <p>{t('applications.batch.next')}</p>
            <button type="submit" class="secondary">{t('applications.batch.submit')}</button>
          </section>
        </Form>
      )}
    </PageLayout>
  );
}
