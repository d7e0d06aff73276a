import type { PageContext } from '../../../platform/ui/context';
import { shownFileName } from '../../../platform/http/well-formed';
import type { DocumentRow } from '../repository-documents';
import { Table, type Column } from '../../../platform/ui/table';

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
  type Row = DocumentRow & { where?: string };
  const columns: Column<Row>[] = [
    { header: t('my_data.col.file'), rowHeader: true, cell: (d) => (d.removed_at ? shownFileName(d.filename) : <a href={documentHref(ctx, d.id)}>{shownFileName(d.filename)}</a>) },
    {
      header: t('my_data.col.about'),
      cell: (d) => (
        <>
          <span class="muted">
            {TYPE_LABEL[d.media_type]}, {sizeText(ctx, d.size_bytes)}
          </span>
          {d.description ? <p class="prewrap">{d.description}</p> : null}
        </>
      ),
    },
    ...(props.documents.some((d) => d.where) ? [{ header: t('my_data.col.where'), cell: (d: Row) => d.where ?? '' }] : []),
    {
      header: t('my_data.col.added'),
      cell: (d) => (
        <>
          {dateTime(d.uploaded_at)}
          <br />
          {d.uploaded_by_name ?? '—'}
        </>
      ),
    },
    {
      header: t('my_data.col.state'),
      cell: (d) =>
        d.removed_at ? (
          t('my_data.documents.removed_at', { when: dateTime(d.removed_at) })
        ) : d.uploaded_by === ctx.user?.id ? (
          <a href={`${documentHref(ctx, d.id)}/remove`} aria-label={t('my_data.documents.remove_label', { name: shownFileName(d.filename) })}>
            {t('my_data.documents.remove')}
          </a>
        ) : (
          t('my_data.documents.kept')
        ),
    },
  ];
  return <Table id="documents" caption={props.caption} captionHidden rows={props.documents} empty={t('my_data.staff.empty')} columns={columns} />;
}
