import type { PageContext } from '../../../platform/ui/context';
import { shownFileName } from '../../../platform/http/well-formed';
import type { DocumentRow } from '../repository-documents';

export const myBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/my`;
export const documentHref = (ctx: PageContext, id: string) => `/${ctx.municipality!.slug}/documents/${id}`;

/** "1,2 MB", "340 KB": sizes as people read them. */
export function sizeText(ctx: PageContext, bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const format = (n: number) => n.toLocaleString(ctx.i18n.locale === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${format(mb)} MB` : `${format(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}

export const TYPE_LABEL: Record<DocumentRow['media_type'], string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/**
 * A table of documents: name (a download link while the content is there), what it is, added when
 * and by whom, and — for the person who added it — a link to remove it.
 */
export function DocumentTable(props: { ctx: PageContext; documents: (DocumentRow & { where?: string })[]; caption: string }) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('my_data.col.file')}</th>
            <th scope="col">{t('my_data.col.about')}</th>
            {props.documents.some((d) => d.where) ? <th scope="col">{t('my_data.col.where')}</th> : null}
            <th scope="col">{t('my_data.col.added')}</th>
            <th scope="col">{t('my_data.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {props.documents.map((d) => (
            <tr>
              <th scope="row">{d.removed_at ? shownFileName(d.filename) : <a href={documentHref(ctx, d.id)}>{shownFileName(d.filename)}</a>}</th>
              <td>
                <span class="muted">
                  {TYPE_LABEL[d.media_type]}, {sizeText(ctx, d.size_bytes)}
                </span>
                {d.description ? <p class="prewrap">{d.description}</p> : null}
              </td>
              {props.documents.some((x) => x.where) ? <td>{d.where ?? ''}</td> : null}
              <td>
                {dateTime(d.uploaded_at)}
                <br />
                {d.uploaded_by_name ?? '—'}
              </td>
              <td>
                {d.removed_at ? (
                  t('my_data.documents.removed_at', { when: dateTime(d.removed_at) })
                ) : d.uploaded_by === ctx.user?.id ? (
                  <a href={`${documentHref(ctx, d.id)}/remove`} aria-label={t('my_data.documents.remove_label', { name: shownFileName(d.filename) })}>
                    {t('my_data.documents.remove')}
                  </a>
                ) : (
                  t('my_data.documents.kept')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
