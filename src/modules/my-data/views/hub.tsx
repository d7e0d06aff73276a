import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../../platform/ui/context';
import { PageLayout } from '../../../platform/ui/layout';
import type { CaseRecord } from '../../cases';
import type { Hub } from '../service-hub';
import { myBase } from './common';

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="admin-section" aria-labelledby={`my-${props.id}`}>
      <h2 id={`my-${props.id}`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function CaseCard(props: { ctx: PageContext; c: CaseRecord }) {
  const { ctx, c } = props;
  const { t } = ctx.i18n;
  return (
    <li class="card">
      <h3>{t('my_data.case', { number: c.number })}</h3>
      <p>
        <strong>{t('my_data.pdf.status')}:</strong> {t(`my_data.case_status.${c.status}`)}
      </p>
      <p>
        <strong>{t('my_data.coordinator')}:</strong> {c.coordinator}
      </p>
      {c.unit ? (
        <ul class="contact">
          <li>{c.unit.name}</li>
          {c.unit.phone ? (
            <li>
              <a href={`tel:${c.unit.phone.replace(/\s+/g, '')}`}>{c.unit.phone}</a>
            </li>
          ) : null}
          {c.unit.email ? (
            <li>
              <a href={`mailto:${c.unit.email}`}>{c.unit.email}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

/** "Moje sprawy w CUS": one place for all a resident has with the centre, each kind with a count, a link, or what it would be. */
export function HubPage(props: { ctx: PageContext; hub: Hub }) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const { counts, cases } = props.hub;
  const base = myBase(ctx);
  const slug = ctx.municipality!.slug;
  return (
    <PageLayout ctx={ctx} title={t('my_data.hub.title')}>
      <p class="lead">{t('my_data.hub.intro')}</p>
      <Section id="applications" title={t('applications.mine.title')}>
        <p>{counts.applications ? t('my_data.hub.applications', { count: counts.applications, queued: counts.in_queue }) : t('applications.mine.empty')}</p>
        <p>
          <a href={`/${slug}/applications/mine`}>{t('my_data.hub.applications_link')}</a> · <a href={`/${slug}/applications/new`}>{t('applications.apply.link')}</a>
        </p>
      </Section>
      <Section id="cases" title={t('my_data.cases.title')}>
        {cases.length ? (
          <ul class="cards">
            {cases.map((c) => (
              <CaseCard ctx={ctx} c={c} />
            ))}
          </ul>
        ) : (
          <p>{t('my_data.cases.empty')}</p>
        )}
      </Section>
      <Section id="plans" title={t('my_data.plans.title')}>
        <p>{counts.plans ? t('my_data.hub.plans', { count: counts.plans }) : t('my_data.plans.empty')}</p>
        {counts.plans ? <a href={`${base}/plans`}>{t('my_data.hub.plans_link')}</a> : null}
      </Section>
      <Section id="referrals" title={t('my_data.referrals.title')}>
        <p>{counts.referrals ? t('my_data.hub.referrals', { count: counts.referrals, open: counts.open_referrals }) : t('my_data.referrals.empty')}</p>
        {counts.referrals ? <a href={`${base}/referrals`}>{t('my_data.hub.referrals_link')}</a> : null}
      </Section>
      <Section id="documents" title={t('my_data.documents.title')}>
        <p>{counts.documents ? t('my_data.hub.documents', { count: counts.documents }) : t('my_data.documents.empty')}</p>
        <a href={`${base}/documents`}>{t('my_data.hub.documents_link')}</a>
      </Section>
      <Section id="consents" title={t('my_data.consents.title')}>
        <p>{counts.consents + counts.withdrawn_consents ? t('my_data.hub.consents', { count: counts.consents, withdrawn: counts.withdrawn_consents }) : t('my_data.consents.empty')}</p>
        {counts.consents + counts.withdrawn_consents ? <a href={`${base}/consents`}>{t('my_data.hub.consents_link')}</a> : null}
      </Section>
      <Section id="reads" title={t('my_data.reads.title')}>
        <p>{props.hub.reads ? t('my_data.hub.reads', { count: props.hub.reads }) : t('my_data.reads.empty')}</p>
        <a href={`${base}/reads`}>{t('my_data.hub.reads_link')}</a>
      </Section>
      <Section id="download" title={t('my_data.download.title')}>
        <p>{t('my_data.download.intro')}</p>
        <ul class="links">
          <li>
            <a href={`${base}/data.pdf`} download>
              {t('my_data.download.pdf')}
            </a>
          </li>
          <li>
            <a href={`${base}/data.json`} download>
              {t('my_data.download.json')}
            </a>
          </li>
        </ul>
      </Section>
    </PageLayout>
  );
}
