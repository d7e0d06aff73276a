import type { PageContext } from '../../../platform/ui/context';

export type Cell = string | number;

/** A table of numbers: a caption, column heads, a row head per row (a service, a team…) and an optional total row. */
export function NumbersTable(props: { caption: string; head: string[]; rows: Cell[][]; total?: Cell[] }) {
  const line = (cells: Cell[]) => {
    const [first, ...rest] = cells;
    return (
      <tr>
        <th scope="row">{first}</th>
        {rest.map((c) => (
          <td class="num">{c}</td>
        ))}
      </tr>
    );
  };
  // A wide table scrolls sideways on a narrow screen: the region takes focus, so a keyboard can scroll it.
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.rows.map(line)}</tbody>
        {props.total ? <tfoot>{line(props.total)}</tfoot> : null}
      </table>
    </div>
  );
}

/** Numbers as the page's language writes them: "2,5", "66,7%"; "—" where there is nothing to show. */
export function numbers(ctx: PageContext) {
  const locale = ctx.i18n.locale === 'pl' ? 'pl-PL' : 'en-GB';
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    n: (v: number | null): string => (v === null ? '—' : decimal.format(v)),
    pct: (v: number | null): string => (v === null ? '—' : percent.format(v)),
  };
}

/** The link to a section's table as CSV, for the same period. */
export function CsvLink(props: { ctx: PageContext; name: string; period: number; label: string }) {
  return (
    <p>
      <a href={`/${props.ctx.municipality!.slug}/dashboards/${props.name}.csv?period=${props.period}`} download>
        {props.label}
      </a>
    </p>
  );
}
