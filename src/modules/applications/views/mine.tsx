import type { PageContext } from '../../../platform/ui/context';
import { Layout } from '../../../platform/ui/layout';
import { isInQueue } from '../domain';
import type { MyApplication } from '../service-read';
import { applicationsBase, relationLabel, statusLabel } from './common';

function Where(props: { ctx: PageContext; a: MyApplication }) {
  const { ctx, a } = props;
  const { t } = ctx.i18n;
  if (a.queue_position !== null) {
    return (
      <>
        <p>{t('applications.mine.position', { position: a.queue_position })}</p>
        <p>{a.estimate === null ? t('applications.mine.no_estimate') : t('applications.mine.estimate', { count: a.estimate })}</p>
        {a.status === 'on_hold' ? <p class="prewrap">{t('applications.mine.reason', { reason: a.status_reason })}</p> : null}
      </>
    );
  }
  if (a.status === 'declined') return <p class="prewrap">{t('applications.mine.reason', { reason: a.status_reason })}</p>;
  if (a.status === 'forwarded') return <p>{t('applications.mine.forwarded', { unit: a.forwarded_to_name ?? '' })}</p>;
  if (!a.decided_at) return null;
  const decided = <p>{t(a.status === 'withdrawn' ? 'applications.mine.withdrawn_at' : 'applications.mine.decided_at', { when: ctx.i18n.dateTime(a.decided_at) })}</p>;
  if (a.status !== 'accepted') return decided;
  // An accepted application is not the end of the road: say what happens next and where to follow it (walk-through of issue 14).
  return (
    <>
      {decided}
      <p>
        {t('applications.mine.accepted_next')} <a href={`/${ctx.municipality!.slug}/my`}>{t('applications.mine.accepted_link')}</a>
      </p>
    </>
  );
}

/** "Moje wnioski": the person's applications, status, place in the queue and an honest estimate, the reason of a decline, withdrawing. */
export function MinePage(props: { ctx: PageContext; applications: MyApplication[] }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const base = applicationsBase(ctx);
  return (
    <Layout ctx={ctx} title={t('applications.mine.title')}>
      <h1>{t('applications.mine.title')}</h1>
      <p>{t('applications.mine.intro')}</p>
      <p>
        <a href={`${base}/new`}>{t('applications.apply.link')}</a> · <a href={`${base}/mine/reads`}>{t('applications.reads.title')}</a>
      </p>
      {props.applications.length === 0 ? (
        <p class="admin-empty">{t('applications.mine.empty')}</p>
      ) : (
        <ul class="cards">
          {props.applications.map((a) => (
            <li class="card">
              <h2>{a.service_name}</h2>
              <p>
                {t('applications.mine.for', { name: a.beneficiary_name, relation: relationLabel(ctx, a.relation) })}
                <br />
                <span class="muted">{t('applications.mine.submitted', { when: ctx.i18n.dateTime(a.submitted_at) })}</span>
              </p>
              <p>
                <strong>{t('applications.col.status')}:</strong> {statusLabel(ctx, a.status)}
              </p>
              <Where ctx={ctx} a={a} />
              {isInQueue(a.status) ? (
                <p>
                  <a href={`${base}/mine/${a.id}/withdraw`} aria-label={t('applications.mine.withdraw_label', { service: a.service_name })}>
                    {t('applications.mine.withdraw')}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
