import type { Sql } from '../../platform/db/types';
import { appealDeadline } from './proposals-domain';
import { phases, pools, projects } from './repository';
import { demoProposals, proposals, supports } from './repository-proposals';

/**
 * The demo's proposals for the running edition (Żyrardów 2027): the projects on its ballot came in as residents'
 * proposals and passed verification; a covered swimming pool was rejected (over the pool, not feasible), its author
 * appealed and the appeal was dismissed; a car park camera network was rejected on the law (the land is not the
 * town's) and not appealed. Names, places and amounts are made up.
 */

const DAY = 86_400_000;

interface Extra {
  pool: 'city' | 'district';
  title: string;
  description: string;
  place: string;
  lines: [string, number][];
  checks: { formal: string | null; legal: string | null; cost: string | null; feasibility: string | null };
  appeal?: { text: string; reason: string };
}

const REJECTED: Extra[] = [
  {
    pool: 'city', title: 'Kryty basen przy ul. Mireckiego', place: 'ul. Mireckiego, teren przy hali sportowej',
    description: 'Kryty basen sportowy 25 m z brodzikiem dla dzieci, otwarty przez cały rok.',
    lines: [['Budowa niecki i hali', 11_000_000], ['Instalacje i uzdatnianie wody', 1_800_000]],
    checks: { formal: null, legal: null, cost: 'Koszt (12 800 000 zł) wielokrotnie przekracza kwotę puli ogólnomiejskiej (700 000 zł).', feasibility: 'Budowy basenu nie da się zaprojektować i wykonać w jednym roku budżetowym.' },
    appeal: {
      text: 'Basen można budować etapami: w tym roku tylko projekt i brodzik, a resztę w kolejnych edycjach. Proszę o ponowne rozpatrzenie.',
      reason: 'Projekt budżetu obywatelskiego musi dać się wykonać w całości w roku budżetowym i zmieścić w puli; podział na etapy finansowane w przyszłych edycjach nie jest dopuszczalny (§ 6 uchwały). Rozstrzygnięcie jest ostateczne.',
    },
  },
  {
    pool: 'district', title: 'Kamery na parkingu przy ul. Ossendowskiego', place: 'parking przy ul. Ossendowskiego 4–8',
    description: 'Sześć kamer z zapisem obrazu na parkingu osiedlowym.',
    lines: [['Kamery i rejestrator', 38_000], ['Montaż i zasilanie', 12_000]],
    checks: { formal: null, legal: 'Parking leży na gruncie spółdzielni mieszkaniowej, nie gminy: budżet obywatelski finansuje zadania na terenie gminy.', cost: null, feasibility: null },
  },
];

/** Passed proposals behind the edition's ballot projects, and the rejected ones; author, verifier and appeal decider are demo accounts. */
export async function seedBudgetProposalFixtures(
  sql: Sql, municipalityId: string, editionId: string, who: { resident?: string; officer?: string; director?: string; organiser?: string },
): Promise<void> {
  if (!who.resident || !who.officer || !who.director) return;
  const ph = await phases.of(sql, municipalityId, editionId);
  const proposalsPhase = ph.find((p) => p.phase === 'proposals');
  const verification = ph.find((p) => p.phase === 'verification');
  if (!proposalsPhase || !verification) return;
  const submittedAt = (i: number) => new Date(proposalsPhase.starts_at.getTime() + (3 + 4 * i) * DAY);
  const publishedAt = (i: number) => new Date(verification.starts_at.getTime() + (10 + 3 * i) * DAY);
  const allPools = await pools.of(sql, municipalityId, editionId);
  const authors = [who.resident, who.organiser ?? who.resident];
  const passed = 'spełnia wymogi';

  for (const [i, project] of (await projects.ofEdition(sql, municipalityId, editionId)).entries()) {
    const author = authors[i % authors.length]!;
    const id = await demoProposals.insert(sql, municipalityId, {
      edition_id: editionId, pool_id: project.pool_id, author_id: author, title: project.title, description: project.description, place: project.place,
      cost: project.cost, status: 'on_ballot', submitted_at: submittedAt(i), project_id: project.id,
    });
    await proposals.setCostLines(sql, municipalityId, id, await projects.costLines(sql, municipalityId, project.id));
    if (author !== who.resident) await supports.add(sql, municipalityId, id, who.resident);
    await demoProposals.verification(sql, municipalityId, id, {
      formal_ok: true, formal_reason: '', legal_ok: true, legal_reason: '', cost_ok: true, cost_reason: `Kosztorys realny, ${passed}.`, feasibility_ok: true, feasibility_reason: '',
      verified_by: who.officer, verdict: 'positive', published_at: publishedAt(i), appeal_until: null, appeal_text: null, appealed_at: null,
      appeal_decision: null, appeal_reason: null, appeal_decided_by: null, appeal_decided_at: null,
    });
  }

  for (const [i, x] of REJECTED.entries()) {
    const pool = allPools.find((p) => p.kind === x.pool) ?? allPools[0]!;
    const cost = x.lines.reduce((s, [, a]) => s + a, 0);
    const id = await demoProposals.insert(sql, municipalityId, {
      edition_id: editionId, pool_id: pool.id, author_id: who.resident, title: x.title, description: x.description, place: x.place, cost,
      status: x.appeal ? 'appeal_dismissed' : 'rejected', submitted_at: submittedAt(i + 1), project_id: null,
    });
    await proposals.setCostLines(sql, municipalityId, id, x.lines.map(([item, amount]) => ({ item, amount })));
    const published = publishedAt(i + 2);
    await demoProposals.verification(sql, municipalityId, id, {
      formal_ok: x.checks.formal === null, formal_reason: x.checks.formal ?? '', legal_ok: x.checks.legal === null, legal_reason: x.checks.legal ?? '',
      cost_ok: x.checks.cost === null, cost_reason: x.checks.cost ?? '', feasibility_ok: x.checks.feasibility === null, feasibility_reason: x.checks.feasibility ?? '',
      verified_by: who.officer, verdict: 'negative', published_at: published, appeal_until: appealDeadline(published, 7),
      appeal_text: x.appeal?.text ?? null, appealed_at: x.appeal ? new Date(published.getTime() + 2 * DAY) : null,
      appeal_decision: x.appeal ? 'dismissed' : null, appeal_reason: x.appeal?.reason ?? null, appeal_decided_by: x.appeal ? who.director : null,
      appeal_decided_at: x.appeal ? new Date(published.getTime() + 9 * DAY) : null,
    });
  }
}
