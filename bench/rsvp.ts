import type { Database } from '../src/platform/db/types';
import { invitationTokenOf } from './meetings';
import type { Answer, RsvpClientResult, RsvpSpec } from './rsvp-client';
import { runClient, scenarioOf, type ScenarioResult } from './scenarios';

/** What the check after the RSVP scenario found ("no lost or duplicated RSVP"). */
export interface RsvpCheck {
  clients: number;
  /** Invitations handed out to the clients (each client its own). */
  invitations: number;
  /** Invitations that got at least one answer. */
  answered: number;
  /** Answers sent (also those answered after the window closed). */
  sent: number;
  /** 2xx answers. */
  accepted: number;
  /** 2xx answers that changed an answer accepted earlier in the run. */
  changes: number;
  refused: number;
  /** Requests without an answer (connection errors): their invitations cannot be checked exactly. */
  unknown: number;
  /** Invitations whose stored answer (response, people, needs) is the last accepted one sent to them / checked. */
  lastAnswerOk: number;
  /** Invitations whose answer counter grew by exactly the number of accepted answers / checked. */
  counterOk: number;
  checked: number;
  /** Counter grew by less than the accepted answers (lost) or by more (duplicated), summed over invitations. */
  lost: number;
  duplicated: number;
  /** Invitations handed out but not answered whose row changed anyway. */
  untouchedChanged: number;
  /** Rows of the municipality's meeting_invitations before and after; (meeting, organisation) pairs with more than one row. */
  rowsBefore: number;
  rowsAfter: number;
  duplicateRows: number;
  /** "meeting.answered" audit entries added for these invitations (one per accepted answer). */
  auditAdded: number;
  bodyMismatches: number;
  statuses: Record<string, number>;
  failures: string[];
  passed: boolean;
}

interface Row {
  id: string;
  response: Answer['response'] | null;
  people_count: number;
  accessibility_needs: string;
  answers: number;
}

async function snapshot(db: Database, municipalityId: string, ids: string[]) {
  return db.ownerTx(async (sql) => {
    const rows = await sql.query<Row>(
      'SELECT id, response, people_count, accessibility_needs, answers FROM meeting_invitations WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
      [municipalityId, ids],
    );
    const [counts] = await sql.query<{ total: number; duplicates: number; audit: number }>(
      `SELECT (SELECT count(*)::int FROM meeting_invitations WHERE municipality_id = $1) AS total,
         (SELECT count(*)::int FROM (SELECT 1 FROM meeting_invitations WHERE municipality_id = $1 AND organisation_id IS NOT NULL
            GROUP BY meeting_id, organisation_id HAVING count(*) > 1) d) AS duplicates,
         (SELECT count(*)::int FROM audit_log WHERE municipality_id = $1 AND action = 'meeting.answered' AND subject_type = 'meeting_invitation'
            AND subject_id = ANY($2::text[])) AS audit`,
      [municipalityId, ids],
    );
    return { rows: new Map(rows.map((r) => [r.id, r])), ...counts! };
  });
}

/**
 * The RSVP scenario: `connections` clients answer distinct invitations of meetings still ahead (more than
 * a day ahead, planned) through the JSON endpoint for `duration` seconds (bench/rsvp-client.ts); then
 * every invitation handed out is checked against what its client was told: the stored answer is the
 * last one accepted, the answer counter grew by the accepted answers (none lost, none counted twice),
 * no invitation got a second row, one audit entry per accepted answer.
 */
export async function runRsvp(
  db: Database, opts: { url: string; municipalityId: string; slug: string; linkKey: Buffer; connections: number; duration: number; perConnection: number; seed: number },
): Promise<{ scenario: ScenarioResult; check: RsvpCheck }> {
  const available = await db.ownerTx((sql) =>
    sql.query<{ id: string }>(
      `SELECT i.id FROM meeting_invitations i JOIN meetings m ON m.municipality_id = i.municipality_id AND m.id = i.meeting_id
       WHERE i.municipality_id = $1 AND m.status = 'planned' AND m.starts_at > now() + interval '1 day'
       ORDER BY i.id LIMIT $2`,
      [opts.municipalityId, opts.connections * opts.perConnection],
    ),
  );
  const perConnection = Math.floor(available.length / opts.connections);
  if (perConnection < 1) throw new Error(`rsvp: ${available.length} invitations of meetings ahead, fewer than the ${opts.connections} clients`);
  const ids = available.slice(0, perConnection * opts.connections).map((r) => r.id);
  const before = await snapshot(db, opts.municipalityId, ids);
  const spec: RsvpSpec = {
    url: opts.url, slug: opts.slug, tokens: ids.map((id) => invitationTokenOf(opts.linkKey, id).token), perConnection,
    connections: opts.connections, duration: opts.duration, seed: opts.seed,
  };
  const { out, rss } = await runClient<RsvpClientResult>('rsvp', spec, 'bench/rsvp-client.ts');
  const after = await snapshot(db, opts.municipalityId, ids);

  const touched = new Map(out.log.map((l) => [l.index, l]));
  const check: RsvpCheck = {
    clients: opts.connections, invitations: ids.length, answered: 0, sent: 0, accepted: 0, changes: 0, refused: 0, unknown: 0,
    lastAnswerOk: 0, counterOk: 0, checked: 0, lost: 0, duplicated: 0, untouchedChanged: 0,
    rowsBefore: before.total, rowsAfter: after.total, duplicateRows: after.duplicates, auditAdded: after.audit - before.audit,
    bodyMismatches: out.bodyMismatches, statuses: out.statuses, failures: [], passed: false,
  };
  const same = (a: Row | undefined, b: Row | undefined) =>
    !!a && !!b && a.response === b.response && a.people_count === b.people_count && a.accessibility_needs === b.accessibility_needs && a.answers === b.answers;
  const wrong: string[] = [];
  ids.forEach((id, index) => {
    const log = touched.get(index);
    const [was, now] = [before.rows.get(id), after.rows.get(id)];
    if (!log) {
      if (!same(was, now)) check.untouchedChanged++;
      return;
    }
    check.sent += log.accepted + log.refused + log.unknown;
    check.accepted += log.accepted;
    check.changes += log.changes;
    check.refused += log.refused;
    check.unknown += log.unknown;
    if (log.accepted > 0) check.answered++;
    if (log.unknown > 0 || !was || !now) return; // an answer without a reply may or may not have been stored
    check.checked++;
    const grew = now.answers - was.answers;
    if (grew === log.accepted) check.counterOk++;
    else if (grew < log.accepted) check.lost += log.accepted - grew;
    else check.duplicated += grew - log.accepted;
    const expected = log.last;
    const stored = expected
      ? now.response === expected.response && now.people_count === expected.people_count && now.accessibility_needs === expected.accessibility_needs
      : now.response === was.response && now.people_count === was.people_count && now.accessibility_needs === was.accessibility_needs;
    if (stored) check.lastAnswerOk++;
    else if (wrong.length < 3) wrong.push(`${id}: last accepted ${JSON.stringify(expected)} of ${log.accepted}, stored ${JSON.stringify({ response: now.response, people_count: now.people_count, accessibility_needs: now.accessibility_needs, answers: now.answers })}`);
  });
  const f = check.failures;
  if (ids.some((id) => !after.rows.has(id))) f.push('an invitation handed out is gone');
  if (check.lastAnswerOk !== check.checked) f.push(`${check.checked - check.lastAnswerOk} invitations do not hold the last accepted answer (${wrong.join('; ')})`);
  if (check.lost) f.push(`${check.lost} accepted answers not counted (lost)`);
  if (check.duplicated) f.push(`${check.duplicated} answers counted more than once or not acknowledged (duplicated)`);
  if (check.untouchedChanged) f.push(`${check.untouchedChanged} invitations changed without an answer sent to them`);
  if (check.rowsAfter !== check.rowsBefore) f.push(`meeting_invitations rows ${check.rowsBefore} → ${check.rowsAfter}`);
  if (check.duplicateRows) f.push(`${check.duplicateRows} (meeting, organisation) pairs with more than one invitation`);
  if (check.unknown === 0 && check.auditAdded !== check.accepted) f.push(`${check.auditAdded} audit entries for ${check.accepted} accepted answers`);
  if (check.bodyMismatches) f.push(`${check.bodyMismatches} replies that do not repeat the answer sent`);
  if (check.accepted === 0) f.push('no answer accepted');
  check.passed = f.length === 0;

  const scenario = scenarioOf(
    'rsvp',
    `answer an invitation (POST /api/:m/rsvp/:token, JSON), ${opts.connections} clients, each with ${perConnection} invitations of its own of meetings ahead, ` +
      `≈ 1 in 5 answers changing an earlier one (req/s = submissions/s)`,
    out, rss,
  );
  return { scenario, check };
}
