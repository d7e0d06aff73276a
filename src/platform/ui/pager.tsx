/** What a pager says, in the page's language (each list keeps its own wording). */
export interface PagerLabels {
  /** The navigation landmark's name, e.g. "Strony wyników". */
  nav: string;
  prev: string;
  next: string;
  page: (n: number) => string;
}

/**
 * Links to the pages of a long list: previous, the first and last, two on either side of the
 * current one (marked aria-current), next. Nothing when everything fits on one page.
 */
export function Pager(props: { page: number; pages: number; href: (page: number) => string; labels: PagerLabels }) {
  const { page, pages, href, labels } = props;
  if (pages <= 1) return null;
  const shown = Array.from({ length: pages }, (_, i) => i + 1).filter((n) => n === 1 || n === pages || Math.abs(n - page) <= 2);
  return (
    <nav class="pager" aria-label={labels.nav}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {labels.prev}
            </a>
          </li>
        ) : null}
        {shown.map((n, i) => (
          <>
            {i > 0 && n - shown[i - 1]! > 1 ? <li aria-hidden="true">…</li> : null}
            <li>
              <a href={href(n)} aria-current={n === page ? 'page' : undefined} aria-label={labels.page(n)}>
                {n}
              </a>
            </li>
          </>
        ))}
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {labels.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
