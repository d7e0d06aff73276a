import { newToken } from '../src/platform/auth/tokens';
import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedAnnouncementFixtures } from '../src/modules/announcements';
import type { TestUser } from '../test/support/factories';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);

/**
 * The demo announcements (published, corrected, scheduled, a draft), a picture on the published one,
 * and a subscription whose confirmation and unsubscribe tokens are known here (they travel only by mail).
 */
export async function announcementIds(sql: Sql, m: MunicipalityRow, organiser: TestUser): Promise<Record<string, string>> {
  await seedAnnouncementFixtures(sql, m.id, { organiser: organiser.id });
  // What only staff may see yet (a draft, a scheduled notice) named after the municipality, so A's markers are never B's own.
  await sql.query("UPDATE announcements SET title = title || ' — ' || $2 WHERE municipality_id = $1 AND (status = 'draft' OR publish_at > now())", [m.id, m.slug]);
  const [published] = await sql.query<{ id: string }>("SELECT id FROM announcements WHERE municipality_id = $1 AND status = 'published' AND publish_at <= now() ORDER BY number LIMIT 1", [m.id]);
  if (!published) throw new Error('no published demo announcement');
  const [attachment] = await sql.query<{ id: string }>(
    `INSERT INTO announcement_attachments (municipality_id, announcement_id, filename, media_type, alt_text, size_bytes, sha256, content, added_by)
     VALUES ($1, $2, 'klub.png', 'image/png', 'Seniorzy przy stole w klubie', $3, repeat('a', 64), $4, $5) RETURNING id`,
    [m.id, published.id, PNG.length, PNG, organiser.id],
  );
  const confirm = newToken();
  const unsubscribe = newToken();
  await sql.query(
    `INSERT INTO announcement_subscriptions (municipality_id, email, category_ids, confirm_hash, unsubscribe_hash)
     SELECT $1, $2, array_agg(id), $3, $4 FROM announcement_categories WHERE municipality_id = $1`,
    [m.id, `subskrypcja-${m.slug}@example.pl`, confirm.hash, unsubscribe.hash],
  );
  const [category] = await sql.query<{ id: string }>("SELECT id FROM announcement_categories WHERE municipality_id = $1 AND slug = 'aktualnosci'", [m.id]);
  return {
    'ogloszenia/:id': published.id,
    'ogloszenia/kategorie/:id': category!.id,
    'ogloszenia/kategoria/:slug': 'aktualnosci',
    'ogloszenia/zalaczniki/:id': attachment!.id,
    'ogloszenia/subskrypcja/potwierdz/:token': confirm.token,
    'ogloszenia/subskrypcja/wypisz/:token': unsubscribe.token,
  };
}

/** What the public must not see yet: drafts and announcements scheduled for later. */
export async function announcementText(sql: Sql, m: MunicipalityRow): Promise<string[]> {
  // clock_timestamp(), not now(): the seed runs in one transaction, and what other modules published during it is public.
  const rows = await sql.query<{ title: string }>("SELECT title FROM announcements WHERE municipality_id = $1 AND (status = 'draft' OR publish_at > clock_timestamp())", [m.id]);
  return rows.map((r) => r.title).filter((t) => !/[&<>"']/.test(t));
}
