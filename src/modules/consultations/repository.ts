import type { Sql } from '../../platform/db/types';
import type { ConsultationRow, ConsultedText, PartRow, Position, RemarkRow, RemarkSource } from './domain';
import type { ConsultationInput } from './form';

const CONSULTATION = `c.id, c.subject, c.legal_basis, c.audience, c.forms, c.meeting_id, c.opens_at, c.closes_at, c.contact, c.documents,
  c.allow_anonymous, c.spheres, c.text_title, c.consulted_text, c.report_published_at, c.report_path, c.version`;
const PART = 'p.id, p.consultation_id, p.position, p.label, p.chapter, p.body, p.removed_at, p.version';
const REMARK = `r.id, r.consultation_id, r.part_id, p.label AS part_label, r.source, r.author_id, r.author_name, r.organisation_id, r.organisation_name,
  r.anonymous, r.quote, r.content, r.proposal, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, r.hidden_at, r.hidden_reason, r.position, r.reasons,
  r.position_at, r.version, r.created_at`;
const REMARK_FROM = 'consultation_remarks r LEFT JOIN consultation_parts p ON p.municipality_id = r.municipality_id AND p.id = r.part_id';

export const consultations = {
  async list(sql: Sql, municipalityId: string): Promise<(ConsultationRow & { remarks: number })[]> {
    return sql.query(
      `SELECT ${CONSULTATION}, (SELECT count(*)::int FROM consultation_remarks r WHERE r.municipality_id = c.municipality_id AND r.consultation_id = c.id) AS remarks
       FROM consultations c WHERE c.municipality_id = $1 ORDER BY c.opens_at DESC, c.id`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ConsultationRow | undefined> {
    const [row] = await sql.query<ConsultationRow>(`SELECT ${CONSULTATION} FROM consultations c WHERE c.municipality_id = $1 AND c.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, c: ConsultationInput, createdBy: string | null): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO consultations (municipality_id, subject, legal_basis, audience, forms, meeting_id, opens_at, closes_at, contact, documents, allow_anonymous, text_title, created_by, spheres)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $2, $12, $13) RETURNING id`,
      [municipalityId, c.subject, c.legal_basis, c.audience, c.forms, c.meeting_id, c.opens_at, c.closes_at, c.contact, c.documents, c.allow_anonymous, createdBy, c.spheres],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, c: ConsultationInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE consultations SET subject = $3, legal_basis = $4, audience = $5, forms = $6, meeting_id = $7, opens_at = $8, closes_at = $9, contact = $10,
         documents = $11, allow_anonymous = $12, spheres = $14, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $13 RETURNING id`,
      [municipalityId, id, c.subject, c.legal_basis, c.audience, c.forms, c.meeting_id, c.opens_at, c.closes_at, c.contact, c.documents, c.allow_anonymous, version, c.spheres],
    );
    return rows.length === 1;
  },
  async setTitle(sql: Sql, municipalityId: string, id: string, title: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE consultations SET text_title = $3, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2 AND version = $4 RETURNING id', [
      municipalityId, id, title, version,
    ]);
    return rows.length === 1;
  },
  async keepConsultedText(sql: Sql, municipalityId: string, id: string, text: ConsultedText): Promise<void> {
    await sql.query('UPDATE consultations SET consulted_text = $3 WHERE municipality_id = $1 AND id = $2 AND consulted_text IS NULL', [municipalityId, id, JSON.stringify(text)]);
  },
  async markReported(sql: Sql, municipalityId: string, id: string, path: string | null): Promise<void> {
    await sql.query('UPDATE consultations SET report_published_at = now(), report_path = $3, version = version + 1, updated_at = now() WHERE municipality_id = $1 AND id = $2', [
      municipalityId, id, path,
    ]);
  },
};

export const parts = {
  async of(sql: Sql, municipalityId: string, consultationId: string, withRemoved = false): Promise<PartRow[]> {
    return sql.query<PartRow>(
      `SELECT ${PART} FROM consultation_parts p WHERE p.municipality_id = $1 AND p.consultation_id = $2 AND ($3 OR p.removed_at IS NULL) ORDER BY p.position, p.id`,
      [municipalityId, consultationId, withRemoved],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<PartRow | undefined> {
    const [row] = await sql.query<PartRow>(`SELECT ${PART} FROM consultation_parts p WHERE p.municipality_id = $1 AND p.id = $2${lock ? ' FOR UPDATE' : ''}`, [municipalityId, id]);
    return row;
  },
  /** A new import: the parts nobody remarked on go, the rest are marked removed; the new ones follow. */
  async replace(sql: Sql, municipalityId: string, consultationId: string, list: { label: string; chapter: string; body: string }[]): Promise<void> {
    await sql.query(
      `DELETE FROM consultation_parts p WHERE p.municipality_id = $1 AND p.consultation_id = $2
         AND NOT EXISTS (SELECT 1 FROM consultation_remarks r WHERE r.municipality_id = p.municipality_id AND r.part_id = p.id)`,
      [municipalityId, consultationId],
    );
    await sql.query('UPDATE consultation_parts SET removed_at = now(), position = position - 1000000 WHERE municipality_id = $1 AND consultation_id = $2 AND removed_at IS NULL', [
      municipalityId, consultationId,
    ]);
    if (list.length === 0) return;
    await sql.query(
      `INSERT INTO consultation_parts (municipality_id, consultation_id, position, label, chapter, body)
       SELECT $1, $2, t.n, t.label, t.chapter, t.body FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS t(label, chapter, body, n)`,
      [municipalityId, consultationId, list.map((p) => p.label), list.map((p) => p.chapter), list.map((p) => p.body)],
    );
  },
  async update(sql: Sql, municipalityId: string, id: string, p: { label: string; chapter: string; body: string }, version: number): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE consultation_parts SET label = $3, chapter = $4, body = $5, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $6 AND removed_at IS NULL RETURNING id',
      [municipalityId, id, p.label, p.chapter, p.body, version],
    );
    return rows.length === 1;
  },
  async remove(sql: Sql, municipalityId: string, id: string, version: number): Promise<boolean> {
    const rows = await sql.query('UPDATE consultation_parts SET removed_at = now(), version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $3 AND removed_at IS NULL RETURNING id', [
      municipalityId, id, version,
    ]);
    return rows.length === 1;
  },
};

export interface NewRemark {
  consultationId: string;
  partId: string | null;
  source: RemarkSource;
  authorId: string | null;
  authorName: string;
  organisationId: string | null;
  organisationName: string;
  anonymous: boolean;
  quote: string;
  content: string;
  proposal: string;
  receivedOn: string | null;
  enteredBy: string | null;
}

export const remarks = {
  async of(sql: Sql, municipalityId: string, consultationId: string): Promise<RemarkRow[]> {
    return sql.query<RemarkRow>(
      `SELECT ${REMARK} FROM ${REMARK_FROM} WHERE r.municipality_id = $1 AND r.consultation_id = $2 ORDER BY p.position NULLS LAST, r.created_at, r.id`,
      [municipalityId, consultationId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<RemarkRow | undefined> {
    const [row] = await sql.query<RemarkRow>(`SELECT ${REMARK} FROM ${REMARK_FROM} WHERE r.municipality_id = $1 AND r.id = $2${lock ? ' FOR UPDATE OF r' : ''}`, [municipalityId, id]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, r: NewRemark): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO consultation_remarks (municipality_id, consultation_id, part_id, source, author_id, author_name, organisation_id, organisation_name, anonymous,
         quote, content, proposal, received_on, entered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [municipalityId, r.consultationId, r.partId, r.source, r.authorId, r.authorName, r.organisationId, r.organisationName, r.anonymous, r.quote, r.content, r.proposal, r.receivedOn, r.enteredBy],
    );
    return row!.id;
  },
  async hide(sql: Sql, municipalityId: string, id: string, reason: string, by: string | null, version: number): Promise<boolean> {
    const rows = await sql.query(
      'UPDATE consultation_remarks SET hidden_at = now(), hidden_reason = $3, hidden_by = $4, version = version + 1 WHERE municipality_id = $1 AND id = $2 AND version = $5 RETURNING id',
      [municipalityId, id, reason, by, version],
    );
    return rows.length === 1;
  },
  async setPosition(sql: Sql, municipalityId: string, id: string, position: Position, reasons: string, by: string | null, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE consultation_remarks SET position = $3, reasons = $4, position_by = $5, position_at = now(), version = version + 1
       WHERE municipality_id = $1 AND id = $2 AND version = $6 RETURNING id`,
      [municipalityId, id, position, reasons, by, version],
    );
    return rows.length === 1;
  },
  /** A person's own remarks (the data download): anonymous ones too — anonymity hides the name from others, not from the author. */
  async ofAuthor(sql: Sql, municipalityId: string, userId: string): Promise<unknown[]> {
    return sql.query(
      `SELECT r.id, c.subject AS consultation, r.consultation_id, p.label AS part_label, r.author_name, r.organisation_name, r.anonymous, r.quote, r.content, r.proposal,
         r.created_at, r.hidden_at IS NOT NULL AS hidden, r.hidden_reason, r.position, r.reasons, r.position_at
       FROM ${REMARK_FROM} JOIN consultations c ON c.municipality_id = r.municipality_id AND c.id = r.consultation_id
       WHERE r.municipality_id = $1 AND r.author_id = $2 ORDER BY r.created_at DESC, r.id`,
      [municipalityId, userId],
    );
  },
  /** Everyone who took part with an account (anonymous authors too: the report goes to them, never their name to anyone). */
  async participants(sql: Sql, municipalityId: string, consultationId: string): Promise<{ email: string; locale: 'pl' | 'en' }[]> {
    return sql.query(
      `SELECT DISTINCT u.email, u.locale FROM consultation_remarks r JOIN users u ON u.id = r.author_id
       WHERE r.municipality_id = $1 AND r.consultation_id = $2 ORDER BY u.email`,
      [municipalityId, consultationId],
    );
  },
};

export const people = {
  async displayName(sql: Sql, userId: string): Promise<string> {
    const [row] = await sql.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [userId]);
    return row?.display_name ?? '';
  },
  /** The verified organisations a person belongs to, to comment on their behalf. */
  async organisationsOf(sql: Sql, municipalityId: string, userId: string): Promise<{ id: string; name: string }[]> {
    return sql.query(
      `SELECT o.id, o.name FROM organisation_members m JOIN organisations o ON o.municipality_id = m.municipality_id AND o.id = m.organisation_id
       WHERE m.municipality_id = $1 AND m.user_id = $2 AND o.status = 'verified' ORDER BY o.name, o.id`,
      [municipalityId, userId],
    );
  },
};

/** The announcement of a consultation to the organisations whose spheres match (issue 16). */
export const openings = {
  async municipalities(sql: Sql): Promise<{ id: string; slug: string; cus_name: string }[]> {
    return sql.query('SELECT id, slug, cus_name FROM municipalities ORDER BY id');
  },
  /**
   * Claims the consultations whose opening has come and that were not announced yet: marked in the same
   * UPDATE (its row lock makes a second instance's sweep re-check and skip them), so each is announced once.
   */
  async claim(sql: Sql, municipalityId: string): Promise<{ id: string; subject: string; spheres: string[]; opens_at: Date; closes_at: Date }[]> {
    return sql.query(
      `UPDATE consultations SET organisations_mailed_at = now(), mailed_spheres = spheres
       WHERE municipality_id = $1 AND organisations_mailed_at IS NULL AND opens_at <= now()
       RETURNING id, subject, spheres, opens_at, closes_at`,
      [municipalityId],
    );
  },
  /**
   * Claims the open consultations, announced already, whose spheres now include some not mailed yet (staff
   * added them after the opening): the spheres are marked mailed in the same UPDATE (row locks make a
   * second sweep re-check and skip them). Returns the spheres mailed before, to mail only the new ones.
   */
  async claimAddedSpheres(sql: Sql, municipalityId: string): Promise<{ id: string; subject: string; spheres: string[]; mailed: string[]; opens_at: Date; closes_at: Date }[]> {
    return sql.query(
      `WITH due AS (
         SELECT id, mailed_spheres FROM consultations
         WHERE municipality_id = $1 AND organisations_mailed_at IS NOT NULL AND closes_at > now() AND report_published_at IS NULL AND NOT (spheres <@ mailed_spheres)
         FOR UPDATE)
       UPDATE consultations c SET mailed_spheres = ARRAY(SELECT DISTINCT s FROM unnest(c.mailed_spheres || c.spheres) AS s ORDER BY s)
       FROM due WHERE c.municipality_id = $1 AND c.id = due.id
       RETURNING c.id, c.subject, c.spheres, due.mailed_spheres AS mailed, c.opens_at, c.closes_at`,
      [municipalityId],
    );
  },
  /**
   * The contact addresses of the verified organisations working in any of the spheres (one per address) and
   * not in any of `except` (mailed already), each with its language: English if the account of that
   * address is in English, Polish otherwise.
   */
  async organisationsIn(sql: Sql, municipalityId: string, spheres: string[], except: string[] = []): Promise<{ email: string; locale: 'pl' | 'en' }[]> {
    return sql.query(
      `SELECT DISTINCT ON (o.email) o.email, coalesce(u.locale, 'pl') AS locale
       FROM organisations o LEFT JOIN users u ON u.email = lower(o.email)
       WHERE o.municipality_id = $1 AND o.status = 'verified' AND o.spheres && $2::text[] AND NOT (o.spheres && $3::text[])
       ORDER BY o.email`,
      [municipalityId, spheres, except],
    );
  },
};

/** The start page's counts: consultations open now, and remarks still waiting for the centre's position (in those not yet reported). */
export async function startCounts(sql: Sql, municipalityId: string): Promise<{ open: number; unanswered: number }> {
  const [row] = await sql.query<{ open: number; unanswered: number }>(
    `SELECT (SELECT count(*)::int FROM consultations c WHERE c.municipality_id = $1 AND c.opens_at <= now() AND c.closes_at > now() AND c.report_published_at IS NULL) AS open,
       (SELECT count(*)::int FROM consultation_remarks r JOIN consultations c ON c.municipality_id = r.municipality_id AND c.id = r.consultation_id
        WHERE r.municipality_id = $1 AND r.position IS NULL AND c.report_published_at IS NULL) AS unanswered`,
    [municipalityId],
  );
  return row!;
}

/**
 * The consultations open now, taking comments, whose audience includes the person (domain.ts `consultedAs`,
 * the same rule in SQL): everyone; residents if they hold the role; organisations (or everyone) if they
 * belong to a verified organisation.
 */
export async function openForPerson(sql: Sql, municipalityId: string, userId: string, resident: boolean): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM consultations c
     WHERE c.municipality_id = $1 AND c.opens_at <= now() AND c.closes_at > now() AND c.report_published_at IS NULL AND 'comments' = ANY (c.forms)
       AND ('everyone' = ANY (c.audience) OR ($3 AND 'residents' = ANY (c.audience))
         OR ('organisations' = ANY (c.audience) AND EXISTS (
           SELECT 1 FROM organisation_members m JOIN organisations o ON o.municipality_id = m.municipality_id AND o.id = m.organisation_id
           WHERE m.municipality_id = $1 AND m.user_id = $2 AND o.status = 'verified')))`,
    [municipalityId, userId, resident],
  );
  return row!.n;
}
