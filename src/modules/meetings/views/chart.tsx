import type { PageContext } from '../../../platform/ui/context';
import type { MeetingNumbers } from '../repository-stats';

const BAR_HEIGHT = 18;
const GAP = 4;
const GROUP_GAP = 22;
const LABEL_WIDTH = 130;
const WIDTH = 640;

type Measure = 'invited' | 'answered' | 'yes' | 'came';
const MEASURES: Measure[] = ['invited', 'answered', 'yes', 'came'];
const valueOf = (n: MeetingNumbers, m: Measure) => (m === 'came' ? n.came_invited + n.walk_ins : n[m]);

/**
 * Per meeting, four bars on one scale: invited, answered, said yes, came. "20 invited, 4 came" reads
 * as a long bar over a short one. Each bar is labelled with its number and its measure (not by colour
 * alone), and the SVG has a text alternative; the table beside it carries the same numbers.
 */
export function TurnoutChart(props: { ctx: PageContext; meetings: MeetingNumbers[]; titleId: string }) {
  const { ctx, meetings } = props;
  const { t } = ctx.i18n;
  const max = Math.max(1, ...meetings.flatMap((n) => MEASURES.map((m) => valueOf(n, m))));
  const groupHeight = MEASURES.length * (BAR_HEIGHT + GAP) + GROUP_GAP + 18;
  const height = meetings.length * groupHeight;
  const scale = (v: number) => Math.round(((WIDTH - LABEL_WIDTH - 60) * v) / max);
  const summary = meetings
    .map((n) => t('meetings.chart.summary_line', { title: n.title, date: ctx.i18n.date(n.starts_at), invited: n.invited, answered: n.answered, yes: n.yes, came: valueOf(n, 'came') }))
    .join(' ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={props.titleId} aria-describedby={`${props.titleId}-desc`}>
        <desc id={`${props.titleId}-desc`}>{summary}</desc>
        {meetings.map((n, g) => {
          const top = g * groupHeight;
          return (
            <g>
              <text x="0" y={top + 13} class="chart-title">
                {`${n.title} · ${ctx.i18n.date(n.starts_at)}`}
              </text>
              {MEASURES.map((m, i) => {
                const y = top + 20 + i * (BAR_HEIGHT + GAP);
                const v = valueOf(n, m);
                return (
                  <g class={`bar bar-${m}`}>
                    <text x="0" y={y + 13}>
                      {t(`meetings.chart.${m}`)}
                    </text>
                    <rect x={LABEL_WIDTH} y={y} width={Math.max(scale(v), 1)} height={BAR_HEIGHT} />
                    <text x={LABEL_WIDTH + Math.max(scale(v), 1) + 6} y={y + 13} class="chart-value">
                      {String(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
