import { Feed } from 'feed';
import type { AnnouncementRow, CategoryRow } from './domain';
import { renderMarkdown } from './markdown';

/** The Atom feed of a municipality's notice board (or of one category): what is on the board now. */
export function atomFeed(publicUrl: string, m: { slug: string; cus_name: string }, category: CategoryRow | null, items: AnnouncementRow[]): string {
  const base = `${publicUrl}/${m.slug}/ogloszenia`;
  const self = category ? `${base}/kategoria/${category.slug}/kanal.atom` : `${base}/kanal.atom`;
  const feed = new Feed({
    id: self,
    title: category ? `${category.name} — ${m.cus_name}` : `Ogłoszenia i aktualności — ${m.cus_name}`,
    link: category ? `${base}/kategoria/${category.slug}` : base,
    language: 'pl',
    updated: items.reduce<Date>((latest, a) => (a.updated_at > latest ? a.updated_at : latest), new Date(0)),
    feedLinks: { atom: self },
    author: { name: m.cus_name, link: `${publicUrl}/${m.slug}` },
    generator: false,
    copyright: m.cus_name,
  });
  for (const a of items) {
    const link = `${base}/${a.number}`;
    feed.addItem({
      id: link,
      title: a.title,
      link,
      date: a.updated_at,
      published: a.publish_at ?? a.created_at,
      description: a.lead,
      content: renderMarkdown(a.body),
      category: [{ name: a.category_name, term: a.category_slug }],
      author: [{ name: a.produced_by }],
    });
  }
  return feed.atom1();
}
