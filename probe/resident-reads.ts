/**
 * Every read of a resident's record is audited: every GET route of municipality A, called by a
 * person of every role of A (staff, the organisation member, the resident), is checked for the
 * personal data of residents other than the caller — names, contacts, needs, plans, what a
 * provider is told. Where a response shows any, an audit entry by the caller, written during that
 * request, must name the record (its id as the subject, or in `details.ids` / `details.cases`).
 * Reading one's own data is not audited, so a caller's own records are no markers for them.
 */
import { performance } from 'node:perf_hooks';
import type { RouteInfo } from '../src/app';
import type { Sql } from '../src/platform/db/types';
import { harvest } from './world-forms';
import { decodeEntities, fillUrl, readable, send } from './world-http';
import { openWorld, type Person, type World } from './world';
import type { Probe } from './types';

/** A piece of a resident's data, the records that hold it, and whose it is (null: registered by staff). */
interface Marker {
  text: string;
  records: string[];
  owner: string | null;
}

/**
 * Free text is looked for by its beginning too, since lists shorten it; texts that pages escape
 * (quotes, ampersands) or that are too short to be telling are left out.
 */
function markerTexts(text: string): string[] {
  const t = text.trim();
  if (t.length < 6 || /[&<>"']/.test(t)) return [];
  return t.length > 40 ? [t, t.slice(0, 40)] : [t];
}

async function residentMarkers(sql: Sql, municipalityId: string): Promise<Marker[]> {
  const rows = await sql.query<{ text: string; records: string[]; owner: string | null }>(
    `SELECT x.text, array_remove(ARRAY[x.record, x.case_id], NULL) AS records, x.owner FROM (
       SELECT unnest(ARRAY[a.beneficiary_name, a.applicant_name, a.contact_phone, a.contact_email, a.need]) AS text,
              a.id::text AS record, a.case_id::text AS case_id, a.applicant_id AS owner
         FROM applications a WHERE a.municipality_id = $1
       UNION ALL
       SELECT unnest(ARRAY[c.person_name, c.contact_phone, c.contact_email, c.representative_name, c.closing_note]), c.id::text, c.id::text, c.resident_user_id
         FROM cases c WHERE c.municipality_id = $1
       UNION ALL
       SELECT unnest(ARRAY[p.situation, p.final_summary]), p.id::text, c.id::text, c.resident_user_id
         FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id WHERE p.municipality_id = $1
       UNION ALL
       SELECT n.body, n.plan_id::text, c.id::text, c.resident_user_id
         FROM care_plan_notes n JOIN care_plans p ON p.municipality_id = n.municipality_id AND p.id = n.plan_id
         JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id WHERE n.municipality_id = $1
       UNION ALL
       SELECT unnest(ARRAY[r.shared_details, r.outcome]), r.id::text, c.id::text, c.resident_user_id
         FROM referrals r JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id WHERE r.municipality_id = $1
       UNION ALL
       SELECT d.note, d.referral_id::text, c.id::text, c.resident_user_id
         FROM referral_deliveries d JOIN referrals r ON r.municipality_id = d.municipality_id AND r.id = d.referral_id
         JOIN cases c ON c.municipality_id = r.municipality_id AND c.id = r.case_id WHERE d.municipality_id = $1
     ) x WHERE x.text IS NOT NULL
         -- An account's own name and address are shown in many places (a representative, a staff list): not case data.
         AND NOT EXISTS (SELECT 1 FROM users u WHERE u.display_name = x.text OR u.email = x.text)`,
    [municipalityId],
  );
  return rows.flatMap((r) => markerTexts(r.text).map((text) => ({ text, records: r.records, owner: r.owner })));
}

/**
 * The markers a person may not see unaudited, one per text with every record that holds it (the same
 * need may be written in two applications): none of their own data, nor text shared with it.
 */
function othersMarkers(all: Marker[], userId: string): Marker[] {
  const own = new Set(all.filter((m) => m.owner === userId).map((m) => m.text));
  const byText = new Map<string, Marker>();
  for (const m of all) {
    if (own.has(m.text)) continue;
    const seen = byText.get(m.text);
    if (seen) seen.records.push(...m.records);
    else byText.set(m.text, { ...m, records: [...m.records] });
  }
  return [...byText.values()];
}

async function lastAuditId(w: World): Promise<number> {
  const [row] = await w.db.ownerTx((sql) => sql.query<{ id: string | null }>('SELECT max(id)::text AS id FROM audit_log WHERE municipality_id = $1', [w.a.id]));
  return Number(row?.id ?? 0);
}

/** Audit entries of `userId` after `since`, with what they name. */
async function entriesSince(w: World, userId: string, since: number): Promise<{ action: string; named: string[] }[]> {
  const rows = await w.db.ownerTx((sql) =>
    sql.query<{ action: string; subject_id: string; ids: unknown; cases: unknown }>(
      `SELECT action, subject_id, details -> 'ids' AS ids, details -> 'cases' AS cases FROM audit_log
        WHERE municipality_id = $1 AND id > $2 AND actor_user_id = $3`,
      [w.a.id, since, userId],
    ),
  );
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return rows.map((r) => ({ action: r.action, named: [r.subject_id, ...list(r.ids), ...list(r.cases)] }));
}

export const residentReadsProbe: Probe = async (opts) => {
  const started = performance.now();
  const w = await openWorld(opts);
  const failures: string[] = [];
  let calls = 0;
  let showing = 0;
  try {
    // Ids the seed does not name are read off the pages, as the isolation probe does.
    await harvest(w);
    const markers = await w.db.ownerTx((sql) => residentMarkers(sql, w.a.id));
    if (markers.length === 0) failures.push('the world holds no resident data to look for');
    const gets = w.routes.filter((r: RouteInfo) => r.method === 'GET' && r.url.includes(':municipality'));
    const people: Person[] = [...w.peopleA.values()];
    for (const route of gets) {
      const url = fillUrl(route.url, w.a.slug, w.seededA.ids);
      for (const person of people) {
        const theirs = othersMarkers(markers, person.user.id);
        const since = await lastAuditId(w);
        const res = await send(person.client, 'GET', url, { kind: 'none' });
        calls++;
        if (res.statusCode >= 500) failures.push(`${person.role}: GET ${url} → ${res.statusCode}`);
        if (res.statusCode !== 200) continue;
        const text = decodeEntities(readable(res));
        const shown = theirs.filter((m) => text.includes(m.text));
        if (shown.length === 0) continue;
        showing++;
        const entries = await entriesSince(w, person.user.id, since);
        const unaudited = shown.filter((m) => !entries.some((e) => e.action.endsWith('.read') && m.records.some((id) => e.named.includes(id))));
        if (unaudited.length) {
          failures.push(`${person.role}: GET ${url} shows "${unaudited[0]!.text.slice(0, 40)}" (${unaudited.length} pieces of residents' data) without an audit entry naming the record`);
        }
      }
    }
    return {
      name: 'resident-reads',
      ok: failures.length === 0,
      figures: { routes: gets.length, people: people.length, calls, showing, markers: markers.length, seconds: Math.round((performance.now() - started) / 100) / 10 },
      failures,
    };
  } finally {
    await w.close();
  }
};
