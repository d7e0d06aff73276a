import type { Database } from '../src/platform/db/types';
import { GENERATED_PASSWORD } from './people';
import type { RecordedTx } from './scenarios';
import { logIn } from './session';

/** The plans of one "my applications" request for the resident at the end of the longest queue. */
export interface QueueExplain {
  service: string;
  queueLength: number;
  position: number;
  statements: { sql: string; plan: string; applicationsRows: number }[];
  /** Rows of `applications` the request's statements read, summed over their plans (actual rows × loops). */
  applicationsRows: number;
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: PlanNode[] };
const rowsOf = (n: PlanNode): number =>
  (n['Relation Name'] === 'applications' ? (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1) : 0) + (n.Plans ?? []).reduce((s, c) => s + rowsOf(c), 0);

/**
 * Evidence that the place in the queue is read, not counted: the resident last in the longest queue
 * asks GET /api/:m/applications/mine once while the app's transactions are recorded; every statement
 * that touches `applications` is explained (ANALYZE) again in the same row-level security context.
 * A place counted by scanning the queue would read about as many rows as the queue is long.
 */
export async function explainQueuePosition(
  db: Database, record: (fn: () => Promise<unknown>) => Promise<RecordedTx[]>, url: string, slug: string, municipalityId: string,
): Promise<QueueExplain> {
  const [last] = await db.ownerTx((sql) => sql.query<{ email: string; service: string; position: number; length: number }>(
    `WITH longest AS (SELECT service_id, max(queue_position) AS length FROM applications WHERE municipality_id = $1 AND queue_position IS NOT NULL
                      GROUP BY service_id ORDER BY 2 DESC LIMIT 1)
     SELECT u.email, s.name AS service, a.queue_position AS position, l.length
     FROM longest l JOIN applications a ON a.municipality_id = $1 AND a.service_id = l.service_id AND a.status = 'waiting'
     JOIN users u ON u.id = a.applicant_id JOIN services s ON s.municipality_id = $1 AND s.id = l.service_id
     ORDER BY a.queue_position DESC LIMIT 1`, [municipalityId]));
  if (!last) throw new Error('no waiting application to explain');
  const cookie = await logIn(url, { email: last.email, password: GENERATED_PASSWORD }, '10.40.0.1');
  const txs = await record(async () => {
    const res = await fetch(`${url}/api/${slug}/applications/mine`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`GET /api/${slug}/applications/mine answered ${res.status}`);
    await res.arrayBuffer();
  });
  const statements: QueueExplain['statements'] = [];
  for (const tx of txs) {
    for (const s of tx.statements.filter((x) => /\bapplications\b/.test(x.text))) {
      const [json, text] = await db.tx(tx.ctx, async (sql) => [
        await sql.query<{ 'QUERY PLAN': PlanNode[] | { Plan: PlanNode }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${s.text}`, s.params),
        await sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${s.text}`, s.params),
      ]);
      const root = (json[0]!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan;
      statements.push({ sql: s.text.replace(/\s+/g, ' ').trim(), plan: text.map((r) => r['QUERY PLAN']).join('\n'), applicationsRows: rowsOf(root) });
    }
  }
  return { service: last.service, queueLength: last.length, position: last.position, statements, applicationsRows: statements.reduce((n, s) => n + s.applicationsRows, 0) };
}
