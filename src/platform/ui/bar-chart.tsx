/** One bar: what it measures (written beside it, never told by colour alone) and its number. */
export interface Bar {
  label: string;
  value: number;
  /** The number as written at the bar's end (default: the value). */
  text?: string;
}

/** Bars drawn together under a title (a meeting, a service, a team); an empty title draws none. */
export interface BarGroup {
  title: string;
  bars: Bar[];
}

const BAR_HEIGHT = 18;
const GAP = 4;
const GROUP_GAP = 22;
const TITLE_HEIGHT = 20;
const WIDTH = 640;

/**
 * A horizontal bar chart on one scale, as SVG: groups of labelled bars, each bar with its measure and
 * its number written beside it. The n-th bar of a group has the class `series-n` (its colour in
 * site.css), so the same measure looks the same in every group. `summary` is the text alternative
 * (the SVG's description); the page puts a table with the same numbers beside it.
 */
export function BarChart(props: { titleId: string; groups: BarGroup[]; summary: string; labelWidth?: number }) {
  const labelWidth = props.labelWidth ?? 130;
  const max = Math.max(1, ...props.groups.flatMap((g) => g.bars.map((b) => b.value)));
  const scale = (v: number) => Math.max(1, Math.round(((WIDTH - labelWidth - 60) * Math.max(0, v)) / max));
  const heightOf = (g: BarGroup) => (g.title ? TITLE_HEIGHT : 0) + g.bars.length * (BAR_HEIGHT + GAP) + GROUP_GAP;
  const tops = props.groups.reduce<number[]>((acc, g, i) => [...acc, i === 0 ? 0 : acc[i - 1]! + heightOf(props.groups[i - 1]!)], []);
  const height = props.groups.reduce((h, g) => h + heightOf(g), 0);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${WIDTH} ${Math.max(height, 1)}`} width="100%" role="img" aria-labelledby={props.titleId} aria-describedby={`${props.titleId}-desc`}>
        <desc id={`${props.titleId}-desc`}>{props.summary}</desc>
        {props.groups.map((g, gi) => {
          const top = tops[gi]!;
          const first = top + (g.title ? TITLE_HEIGHT : 0);
          return (
            <g>
              {g.title ? (
                <text x="0" y={top + 13} class="chart-title">
                  {g.title}
                </text>
              ) : null}
              {g.bars.map((b, i) => {
                const y = first + i * (BAR_HEIGHT + GAP);
                const w = scale(b.value);
                return (
                  <g class={`bar series-${i}`}>
                    <text x="0" y={y + 13}>
                      {b.label}
                    </text>
                    <rect x={labelWidth} y={y} width={w} height={BAR_HEIGHT} />
                    <text x={labelWidth + w + 6} y={y + 13} class="chart-value">
                      {b.text ?? String(b.value)}
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
