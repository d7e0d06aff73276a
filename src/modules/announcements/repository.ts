import type { Sql } from '../../platform/db/types';
import { STANDARD_CATEGORIES, type AnnouncementRow, type AttachmentRow, type CategoryRow, type VersionRow } from './domain';

/** All the announcements module's SQL (its own tables only). */

export const categories = {
  /** Adds the five standard categories to a municipality that has none yet (idempotent under concurrency). */
  async ensure(sql: Sql, municipalityId: string): Promise<void> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM announcement_categories WHERE municipality_id = $1', [municipalityId]);
    if ((row?.n ?? 0) > 0) return;
    await sql.query(
      `INSERT INTO announcement_categories (municipality_id, slug, name, position)
       SELECT $1, c.slug, c.name, c.position FROM unnest($2::text[], $3::text[], $4::int[]) AS c(slug, name, position)
       ON CONFLICT (municipality_id, slug) DO NOTHING`,
      [municipalityId, STANDARD_CATEGORIES.map((c) => c[0]), STANDARD_CATEGORIES.map((c) => c[1]), STANDARD_CATEGORIES.map((_, i) => i + 1)],
    );
  },
  list(sql: Sql, municipalityId: string): Promise<CategoryRow[]> {
    return sql.query<CategoryRow>('SELECT id, slug, name, position, retired_at, version FROM announcement_categories WHERE municipality_id = $1 ORDER BY position, name', [municipalityId]);
  },
  async bySlug(sql: Sql, municipalityId: string, slug: string): Promise<CategoryRow | undefined> {
    const [row] = await sql.query<CategoryRow>('SELECT id, slug, name, position, retired_at, version FROM announcement_categories WHERE municipality_id = $1 AND slug = $2', [municipalityId, slug]);
    return row;
  },
};

const SELECT = `SELECT a.id, a.number, a.category_id, c.slug AS category_slug, c.name AS category_name, a.status, a.title, a.lead, a.body,
  a.produced_by, a.entered_by, u.display_name AS entered_by_name, a.publish_at, a.remove_at, a.published_at, a.published_version,
  a.withdrawn_at, a.withdrawn_reason, a.source_module, a.source_id, a.version, a.created_at, a.updated_at
  FROM announcements a
  JOIN announcement_categories c ON c.municipality_id = a.municipality_id AND c.id = a.category_id
  LEFT JOIN users u ON u.id = a.entered_by`;

export interface ContentInput {
  categoryId: string;
  title: string;
  lead: string;
  body: string;
  producedBy: string;
  publishAt: Date | null;
  removeAt: Date | null;
}

export const announcements = {
  async insert(sql: Sql, municipalityId: string, input: ContentInput, enteredBy: string | null, source: { module: string; id: string } | null = null): Promise<{ id: string; number: number }> {
    // Numbers are permanent addresses: one at a time per municipality (gapless enough, never reused).
    await sql.query("SELECT pg_advisory_xact_lock(hashtext('announcements:' || $1::text))", [municipalityId]);
    const [row] = await sql.query<{ id: string; number: number }>(
      `INSERT INTO announcements (municipality_id, number, category_id, title, lead, body, produced_by, entered_by, source_module, source_id, publish_at, remove_at)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM announcements WHERE municipality_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11::timestamptz)
       RETURNING id, number`,
      [municipalityId, input.categoryId, input.title, input.lead, input.body, input.producedBy, enteredBy, source?.module ?? null, source?.id ?? null, input.publishAt, input.removeAt],
    );
    return row!;
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<AnnouncementRow | undefined> {
    const [row] = await sql.query<AnnouncementRow>(`${SELECT} WHERE a.municipality_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`, [municipalityId, id]);
    return row;
  },
  async byNumber(sql: Sql, municipalityId: string, number: number): Promise<AnnouncementRow | undefined> {
    const [row] = await sql.query<AnnouncementRow>(`${SELECT} WHERE a.municipality_id = $1 AND a.number = $2`, [municipalityId, number]);
    return row;
  },
  async bySource(sql: Sql, municipalityId: string, module: string, sourceId: string): Promise<AnnouncementRow | undefined> {
    const [row] = await sql.query<AnnouncementRow>(`${SELECT} WHERE a.municipality_id = $1 AND a.source_module = $2 AND a.source_id = $3 FOR UPDATE OF a`, [municipalityId, module, sourceId]);
    return row;
  },
  /** The notice board now: published, its time come (server clock), not taken off; newest first. */
  onBoard(sql: Sql, municipalityId: string, categoryId: string | null, limit: number): Promise<AnnouncementRow[]> {
    return sql.query<AnnouncementRow>(
      `${SELECT} WHERE a.municipality_id = $1 AND a.status = 'published' AND a.publish_at <= now() AND (a.remove_at IS NULL OR a.remove_at > now())
       AND ($2::uuid IS NULL OR a.category_id = $2) ORDER BY a.publish_at DESC, a.number DESC LIMIT $3`,
      [municipalityId, categoryId, limit],
    );
  },
  /** Everything, for staff: drafts and scheduled first, then the newest. */
  all(sql: Sql, municipalityId: string, limit = 200): Promise<AnnouncementRow[]> {
    return sql.query<AnnouncementRow>(
      `${SELECT} WHERE a.municipality_id = $1 ORDER BY (a.status = 'draft') DESC, (a.publish_at > now()) DESC NULLS LAST, coalesce(a.publish_at, a.created_at) DESC LIMIT $2`,
      [municipalityId, limit],
    );
  },
  async counts(sql: Sql, municipalityId: string): Promise<{ drafts: number; scheduled: number }> {
    const [row] = await sql.query<{ drafts: number; scheduled: number }>(
      `SELECT count(*) FILTER (WHERE status = 'draft')::int AS drafts, count(*) FILTER (WHERE status = 'published' AND publish_at > now())::int AS scheduled
       FROM announcements WHERE municipality_id = $1`,
      [municipalityId],
    );
    return row ?? { drafts: 0, scheduled: 0 };
  },
  /** A draft's edit, or a correction's copy of the new version: on `version` only (0 rows: someone saved first). */
  async update(sql: Sql, municipalityId: string, id: string, input: ContentInput, version: number): Promise<number> {
    const rows = await sql.query(
      `UPDATE announcements SET category_id = $3, title = $4, lead = $5, body = $6, produced_by = $7,
         publish_at = CASE WHEN status = 'draft' THEN $8::timestamptz WHEN publish_at > now() THEN coalesce($8::timestamptz, publish_at) ELSE publish_at END, remove_at = $9::timestamptz, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $10 RETURNING id`,
      [municipalityId, id, input.categoryId, input.title, input.lead, input.body, input.producedBy, input.publishAt, input.removeAt, version],
    );
    return rows.length;
  },
  async publish(sql: Sql, municipalityId: string, id: string, publishAt: Date, removeAt: Date | null, version: number): Promise<number> {
    const rows = await sql.query(
      `UPDATE announcements SET status = 'published', publish_at = $3, remove_at = $4, published_at = now(), published_version = 1, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $5 AND status = 'draft' RETURNING id`,
      [municipalityId, id, publishAt, removeAt, version],
    );
    return rows.length;
  },
  async corrected(sql: Sql, municipalityId: string, id: string, n: number): Promise<void> {
    await sql.query('UPDATE announcements SET published_version = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, n]);
  },
  async withdraw(sql: Sql, municipalityId: string, id: string, reason: string, by: string | null, version: number): Promise<number> {
    const rows = await sql.query(
      `UPDATE announcements SET status = 'withdrawn', withdrawn_at = now(), withdrawn_reason = $3, withdrawn_by = $4, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $5 AND status = 'published' RETURNING id`,
      [municipalityId, id, reason, by, version],
    );
    return rows.length;
  },
  async removeDraft(sql: Sql, municipalityId: string, id: string, version: number): Promise<number> {
    const rows = await sql.query("DELETE FROM announcements WHERE municipality_id = $1 AND id = $2 AND version = $3 AND status = 'draft' RETURNING id", [municipalityId, id, version]);
    return rows.length;
  },
  /**
   * Claims the announcements whose subscribers are still to be told and whose time has come: marked
   * mailed in the same statement, so two runs (two instances) never claim one announcement twice.
   */
  claimUnmailed(sql: Sql, municipalityId: string, id: string | null): Promise<{ id: string; number: number; category_id: string; title: string; lead: string }[]> {
    return sql.query(
      `UPDATE announcements SET mailed_at = now()
       WHERE municipality_id = $1 AND ($2::uuid IS NULL OR id = $2) AND status = 'published' AND mailed_at IS NULL
         AND publish_at <= now() AND (remove_at IS NULL OR remove_at > now())
       RETURNING id, number, category_id, title, lead`,
      [municipalityId, id],
    );
  },
  /**
   * The municipalities to sweep: all of them — the sweep runs without a municipality's context, where row-level
   * security shows no announcement, so each municipality's claim runs in its own context (notifySubscribers).
   */
  async municipalitiesToMail(sql: Sql): Promise<{ id: string }[]> {
    return sql.query<{ id: string }>('SELECT id FROM municipalities ORDER BY id');
  },
};

export const versions = {
  async insert(sql: Sql, municipalityId: string, announcementId: string, n: number, v: { title: string; lead: string; body: string; producedBy: string; reason: string }, by: string | null): Promise<void> {
    await sql.query(
      `INSERT INTO announcement_versions (municipality_id, announcement_id, n, title, lead, body, produced_by, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [municipalityId, announcementId, n, v.title, v.lead, v.body, v.producedBy, v.reason, by],
    );
  },
  list(sql: Sql, municipalityId: string, announcementId: string): Promise<VersionRow[]> {
    return sql.query<VersionRow>(
      `SELECT v.n, v.title, v.lead, v.body, v.produced_by, v.reason, u.display_name AS created_by_name, v.created_at
       FROM announcement_versions v LEFT JOIN users u ON u.id = v.created_by
       WHERE v.municipality_id = $1 AND v.announcement_id = $2 ORDER BY v.n`,
      [municipalityId, announcementId],
    );
  },
};

export const attachments = {
  async insert(sql: Sql, municipalityId: string, announcementId: string, a: { filename: string; mediaType: string; altText: string; content: Buffer; sha256: string }, by: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO announcement_attachments (municipality_id, announcement_id, filename, media_type, alt_text, size_bytes, sha256, content, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [municipalityId, announcementId, a.filename, a.mediaType, a.altText, a.content.length, a.sha256, a.content, by],
    );
    return row!.id;
  },
  list(sql: Sql, municipalityId: string, announcementId: string): Promise<AttachmentRow[]> {
    return sql.query<AttachmentRow>(
      'SELECT id, filename, media_type, alt_text, size_bytes, added_at FROM announcement_attachments WHERE municipality_id = $1 AND announcement_id = $2 ORDER BY added_at, filename',
      [municipalityId, announcementId],
    );
  },
  async count(sql: Sql, municipalityId: string, announcementId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM announcement_attachments WHERE municipality_id = $1 AND announcement_id = $2', [municipalityId, announcementId]);
    return row?.n ?? 0;
  },
  async content(sql: Sql, municipalityId: string, id: string): Promise<{ announcement_id: string; filename: string; media_type: string; content: Buffer } | undefined> {
    const [row] = await sql.query<{ announcement_id: string; filename: string; media_type: string; content: Uint8Array }>(
      'SELECT announcement_id, filename, media_type, content FROM announcement_attachments WHERE municipality_id = $1 AND id = $2',
      [municipalityId, id],
    );
    return row ? { ...row, content: Buffer.from(row.content) } : undefined;
  },
};

export interface SubscriptionRow {
  id: string;
  email: string;
  category_ids: string[];
  confirmed_at: Date | null;
}

export const subscriptions = {
  /** A new request (or a renewed one for the same address): its categories and a new confirmation hash; confirmed again only by the link. */
  async request(sql: Sql, municipalityId: string, email: string, categoryIds: string[], confirmHash: string, unsubscribeHash: string): Promise<{ id: string; confirmed: boolean }> {
    const [row] = await sql.query<{ id: string; confirmed: boolean }>(
      `INSERT INTO announcement_subscriptions (municipality_id, email, category_ids, confirm_hash, unsubscribe_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (municipality_id, email) DO UPDATE SET confirm_hash = EXCLUDED.confirm_hash,
         category_ids = CASE WHEN announcement_subscriptions.confirmed_at IS NULL THEN EXCLUDED.category_ids ELSE announcement_subscriptions.category_ids END
       RETURNING id, confirmed_at IS NOT NULL AS confirmed`,
      [municipalityId, email, categoryIds, confirmHash, unsubscribeHash],
    );
    return row!;
  },
  /** A confirmed subscription gets the categories of the request being confirmed. */
  async setCategories(sql: Sql, municipalityId: string, id: string, categoryIds: string[]): Promise<void> {
    await sql.query('UPDATE announcement_subscriptions SET category_ids = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, categoryIds]);
  },
  async setUnsubscribeHash(sql: Sql, municipalityId: string, id: string, hash: string): Promise<void> {
    await sql.query('UPDATE announcement_subscriptions SET unsubscribe_hash = $3 WHERE municipality_id = $1 AND id = $2', [municipalityId, id, hash]);
  },
  async byConfirmHash(sql: Sql, municipalityId: string, hash: string): Promise<SubscriptionRow | undefined> {
    const [row] = await sql.query<SubscriptionRow>('SELECT id, email, category_ids, confirmed_at FROM announcement_subscriptions WHERE municipality_id = $1 AND confirm_hash = $2', [municipalityId, hash]);
    return row;
  },
  async confirm(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('UPDATE announcement_subscriptions SET confirmed_at = coalesce(confirmed_at, now()) WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
  async byUnsubscribeHash(sql: Sql, municipalityId: string, hash: string): Promise<SubscriptionRow | undefined> {
    const [row] = await sql.query<SubscriptionRow>('SELECT id, email, category_ids, confirmed_at FROM announcement_subscriptions WHERE municipality_id = $1 AND unsubscribe_hash = $2', [municipalityId, hash]);
    return row;
  },
  /** Unsubscribing forgets the address altogether. */
  async remove(sql: Sql, municipalityId: string, id: string): Promise<void> {
    await sql.query('DELETE FROM announcement_subscriptions WHERE municipality_id = $1 AND id = $2', [municipalityId, id]);
  },
  /** The subscription to the account's e-mail address, for the person's data download: categories by name, no link hashes. */
  ofAccount(sql: Sql, municipalityId: string, userId: string): Promise<{ email: string; categories: string[]; created_at: Date; confirmed_at: Date | null }[]> {
    return sql.query(
      `SELECT s.email, ARRAY(SELECT c.name FROM announcement_categories c WHERE c.municipality_id = s.municipality_id AND c.id = ANY (s.category_ids) ORDER BY c.position, c.name) AS categories,
         s.created_at, s.confirmed_at
       FROM announcement_subscriptions s WHERE s.municipality_id = $1 AND s.email = (SELECT lower(email) FROM users WHERE id = $2)`,
      [municipalityId, userId],
    );
  },
  /** The confirmed subscribers of a category, each with the language of the account of that address (Polish when there is none). */
  confirmedFor(sql: Sql, municipalityId: string, categoryId: string): Promise<{ id: string; email: string; locale: 'pl' | 'en' }[]> {
    return sql.query(
      `SELECT s.id, s.email, coalesce(u.locale, 'pl') AS locale FROM announcement_subscriptions s LEFT JOIN users u ON u.email = lower(s.email)
       WHERE s.municipality_id = $1 AND s.confirmed_at IS NOT NULL AND $2::uuid = ANY (s.category_ids) ORDER BY s.email`,
      [municipalityId, categoryId],
    );
  },
  /** The language of the account of an address (Polish when there is no account). */
  async localeOf(sql: Sql, email: string): Promise<'pl' | 'en'> {
    const [row] = await sql.query<{ locale: 'pl' | 'en' }>('SELECT locale FROM users WHERE email = lower($1)', [email]);
    return row?.locale ?? 'pl';
  },
};

export async function municipalityById(sql: Sql, id: string): Promise<{ id: string; slug: string; name: string; cus_name: string } | undefined> {
  const [row] = await sql.query<{ id: string; slug: string; name: string; cus_name: string }>('SELECT id, slug, name, cus_name FROM municipalities WHERE id = $1', [id]);
  return row;
}
