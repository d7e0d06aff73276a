import type { MessageKey } from '../../../platform/i18n';
import { PageLayout } from '../../../platform/ui/layout';
import type { PageContext } from '../../../platform/ui/context';
import type { cooperationOf } from '../service-cooperation';
import { answerLabel } from './common';

type Cooperation = Awaited<ReturnType<typeof cooperationOf>>;

function Section(props: { title: string; empty: string; count: number; children: preact.ComponentChildren }) {
  return (
    <section>
      <h2>{props.title}</h2>
      {props.count === 0 ? <p>{props.empty}</p> : props.children}
    </section>
  );
}

/** An organisation's history of cooperation: meetings, tasks, bookings, action plan work. */
export function CooperationPage(props: { ctx: PageContext; data: Cooperation; organisationId: string }) {
  const { ctx, data } = props;
  const { t } = ctx.i18n;
  const slug = ctx.municipality!.slug;
  const attended = data.meetings.filter((m) => m.attended).length;
  return (
    <PageLayout ctx={ctx} title={t('cooperation.title', { name: data.name })} back={{ href: `/${slug}/organisations/mine`, label: t('cooperation.back') }}>
      <p>{t('cooperation.summary', { invited: data.meetings.filter((m) => m.invited).length, attended, bookings: data.bookings.length, actions: data.actions.length })}</p>
      <Section title={t('cooperation.meetings')} empty={t('cooperation.meetings_empty')} count={data.meetings.length}>
        <ul>
          {data.meetings.map((m) => (
            <li>
              <time dateTime={m.starts_at.toISOString()}>{ctx.i18n.date(m.starts_at)}</time> — {m.title}
              {m.status === 'cancelled' ? ` (${t('meetings.status.cancelled')})` : ''}:{' '}
              {m.invited ? t('cooperation.answer', { answer: answerLabel(ctx, m.response) }) : t('cooperation.uninvited')}
              {', '}
              {m.attended ? t('cooperation.came') : t('cooperation.did_not_come')}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('cooperation.tasks')} empty={t('cooperation.tasks_empty')} count={data.tasks.length}>
        <ul>
          {data.tasks.map((task) => (
            <li>
              {task.title} ({task.meeting}) — {t('cooperation.due', { date: ctx.i18n.date(task.due_on) })}, {task.done ? t('cooperation.done') : t('meetings.tasks.open')}
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('cooperation.bookings')} empty={t('cooperation.bookings_empty')} count={data.bookings.length}>
        <ul>
          {data.bookings.map((b) => (
            <li>
              <time dateTime={b.startsAt.toISOString()}>{ctx.i18n.dateTime(b.startsAt)}</time> — {b.room} ({t(`cooperation.booking_status.${b.status}` as MessageKey)})
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t('cooperation.actions')} empty={t('cooperation.actions_empty')} count={data.actions.length}>
        <ul>
          {data.actions.map((a) => (
            <li>
              <a href={`/${slug}/action-plans/${a.planId}`}>{a.planTitle}</a>: {a.title} — {t('cooperation.due', { date: ctx.i18n.date(a.dueOn) })}, {t(`action_plan.action_status.${a.status}` as MessageKey)}
            </li>
          ))}
        </ul>
      </Section>
    </PageLayout>
  );
}
