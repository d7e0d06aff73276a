import { BarChart } from '../../../platform/ui/bar-chart';
import type { PageContext } from '../../../platform/ui/context';
import type { MeetingNumbers } from '../repository-stats';

type Measure = 'invited' | 'answered' | 'yes' | 'came';
const MEASURES: Measure[] = ['invited', 'answered', 'yes', 'came'];
const valueOf = (n: MeetingNumbers, m: Measure) => (m === 'came' ? n.came_invited + n.walk_ins : n[m]);

/**
 * Per meeting, four bars on one scale: invited, answered, said yes, came. "20 invited, 4 came" reads
 * as a long bar over a short one (the platform's bar chart: each bar labelled with its measure and
 * number, a text alternative); the table beside it carries the same numbers.
 */
export function TurnoutChart(props: { ctx: PageContext; meetings: MeetingNumbers[]; titleId: string }) {
  const { ctx, meetings } = props;
  const { t } = ctx.i18n;
  const summary = meetings
    .map((n) => t('meetings.chart.summary_line', { title: n.title, date: ctx.i18n.date(n.starts_at), invited: n.invited, answered: n.answered, yes: n.yes, came: valueOf(n, 'came') }))
    .join(' ');
  const groups = meetings.map((n) => ({
    title: `${n.title} · ${ctx.i18n.date(n.starts_at)}`,
    bars: MEASURES.map((m) => ({ label: t(`meetings.chart.${m}`), value: valueOf(n, m) })),
  }));
  return <BarChart titleId={props.titleId} groups={groups} summary={summary} />;
}
