import type { PageContext } from '../../../platform/ui/context';
import { isOnBoard, type AnnouncementRow } from '../domain';

export const base = (ctx: PageContext) => `/${ctx.municipality!.slug}/ogloszenia`;
export const feedOf = (ctx: PageContext, category?: { slug: string; name: string }) =>
  category
    ? { href: `${base(ctx)}/kategoria/${category.slug}/kanal.atom`, title: ctx.i18n.t('announcements.feed_link', { name: category.name }) }
    : { href: `${base(ctx)}/kanal.atom`, title: ctx.i18n.t('announcements.feed_title') };

export function statusKey(a: AnnouncementRow, now = new Date()) {
  if (a.status === 'published' && a.publish_at && a.publish_at > now) return 'announcements.status.scheduled' as const;
  return `announcements.status.${a.status}` as const;
}

export const onBoardNow = (a: AnnouncementRow) => isOnBoard(a);

/** A size people read: "240 KB", "1,2 MB". */
export function fileSize(bytes: number, locale: string): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

export const typeName = (mediaType: string) =>
  ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/vnd.oasis.opendocument.text': 'ODT' })[mediaType] ?? 'DOCX';
