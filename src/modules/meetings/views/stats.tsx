import type { MessageKey } from '../../../platform/i18n';
import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import { Form } from '../../../platform/ui/forms';
import { Table } from '../../../platform/ui/table';
import type { MeetingNumbers, OrganisationNumbers, SphereNumbers } from '../repository-stats';
import { TurnoutChart } from './chart';
import { meetingsBase } from './common';

export interface StatsData {
  meetings: MeetingNumbers[];
  organisations: OrganisationNumbers[];
  spheres: SphereNumbers[];
  silent: { id: string; name: string; email: string; last_invited_at: Date }[];
}

/** A table of counts: the first cell names the row, the rest are numbers aligned for comparison. */
function NumbersTable<R>(props: { id: string; caption: string; head: string[]; rows: R[]; cells: (r: R) => (string | number)[]; empty: string }) {
  return (
    <Table
      id={props.id}
      caption={props.caption}
      rows={props.rows}
      empty={props.empty}
      columns={props.head.map((header, i) => ({ header, rowHeader: i === 0, numeric: i > 0 && props.rows.every((r) => typeof props.cells(r)[i] === 'number'), cell: (r: R) => props.cells(r)[i] }))}
    />
  );
}

/** The organiser's numbers: turnout per meeting as a chart and a table, per organisation and sphere, and who has gone silent. */
export function StatsPage(props: { ctx: PageContext; data: StatsData; silentAfter: number }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const measures = [t('meetings.chart.invited'), t('meetings.chart.answered'), t('meetings.chart.yes'), t('meetings.col.attended')];
  return (
    <PageLayout ctx={ctx} title={t('meetings.stats.title')} back={{ href: meetingsBase(ctx), label: t('meetings.back') }}>
      <p>{t('meetings.stats.intro')}</p>
      <h2 id="turnout">{t('meetings.stats.turnout')}</h2>
      {data.meetings.length === 0 ? (
        <p>{t('meetings.stats.empty')}</p>
      ) : (
        <>
          <TurnoutChart ctx={ctx} meetings={data.meetings} titleId="turnout" />
          <NumbersTable
            id="turnout-table"
            empty={t('meetings.stats.empty')}
            caption={t('meetings.stats.turnout_table')}
            head={[t('meetings.col.meeting'), t('meetings.col.when'), ...measures, t('meetings.stats.walk_ins'), t('meetings.stats.people')]}
            rows={data.meetings}
            cells={(n) => [n.title, ctx.i18n.date(n.starts_at), n.invited, n.answered, n.yes, n.came_invited, n.walk_ins, n.people]}
          />
        </>
      )}
      <h2>{t('meetings.stats.silent_title', { count: props.silentAfter })}</h2>
      <Form ctx={ctx} action={`${meetingsBase(ctx)}/stats`} method="get" class="inline-form">
        <label for="f-n">{t('meetings.stats.silent_n')}</label> <input id="f-n" name="n" inputMode="numeric" size={3} value={String(props.silentAfter)} />{' '}
        <button type="submit" class="secondary">
          {t('meetings.stats.show')}
        </button>
      </Form>
      {data.silent.length === 0 ? (
        <p>{t('meetings.stats.silent_empty')}</p>
      ) : (
        <ul>
          {data.silent.map((o) => (
            <li>
              <a href={`/${ctx.municipality!.slug}/organisations/${o.id}`}>{o.name}</a> — {o.email} · {t('meetings.stats.last_invited', { date: ctx.i18n.date(o.last_invited_at) })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('meetings.stats.per_organisation')}</h2>
      <NumbersTable id="organisations-table" empty={t('meetings.stats.empty')} caption={t('meetings.stats.per_organisation_table')} head={[t('meetings.stats.organisation'), ...measures]} rows={data.organisations} cells={(o) => [o.name, o.invited, o.answered, o.yes, o.attended]} />
      <h2>{t('meetings.stats.per_sphere')}</h2>
      <NumbersTable id="spheres-table" empty={t('meetings.stats.empty')} caption={t('meetings.stats.per_sphere_table')} head={[t('meetings.stats.sphere'), ...measures]} rows={data.spheres} cells={(s) => [t(`sphere.${s.sphere}` as MessageKey), s.invited, s.answered, s.yes, s.attended]} />
    </PageLayout>
  );
}
