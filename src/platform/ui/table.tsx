import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  header: ComponentChildren;
  cell: (row: Row) => ComponentChildren;
  /** Counts and amounts: aligned right, figures of equal width, so they compare down the column. */
  numeric?: boolean;
  /** The column that names the row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
}

export interface TableProps<Row> {
  /** Unique on the page: the caption's id, which names the scrollable region. */
  id: string;
  caption: ComponentChildren;
  /** The caption is for assistive technology only (a heading above already says it). */
  captionHidden?: boolean;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Said instead of an empty table. */
  empty: ComponentChildren;
  class?: string;
}

/**
 * A list as a table: a caption, column headers with scope, the row's name as a row header, and — on a
 * narrow screen — a region of its own that scrolls sideways (focusable, named by the caption, so a
 * keyboard can scroll it) instead of the page. No rows: a sentence says so instead.
 */
export function Table<Row>(props: TableProps<Row>) {
  if (props.rows.length === 0) return <p class="admin-empty">{props.empty}</p>;
  const captionId = `${props.id}-caption`;
  const numeric = (c: Column<Row>) => (c.numeric ? 'num' : undefined);
  return (
    <div class="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table id={props.id} class={props.class}>
        <caption id={captionId} class={props.captionHidden ? 'visually-hidden' : undefined}>
          {props.caption}
        </caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th scope="col" class={numeric(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {props.columns.map((c) =>
                c.rowHeader ? (
                  <th scope="row" class={numeric(c)}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td class={numeric(c)}>{c.cell(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
