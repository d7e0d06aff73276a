import type { Sql } from '../src/platform/db/types';
import type { MunicipalityRow } from '../src/platform/tenancy/repository';
import { seedBudgetFixtures } from '../src/modules/budget';
import type { TestUser } from '../test/support/factories';

/** The demo budget: the closed edition (results live) with its first pool and project, and a paper ballot waiting for its check. */
export async function budgetIds(sql: Sql, m: MunicipalityRow, officer: TestUser): Promise<Record<string, string>> {
  const { closed } = await seedBudgetFixtures(sql, m.id);
  const [entry] = await sql.query<{ id: string }>(
    `INSERT INTO budget_paper_entries (municipality_id, edition_id, pool_id, voter_key, projects, entered_by)
     VALUES ($1, $2, $3, 'pesel:' || repeat('ab', 32), ARRAY[$4::uuid], $5) RETURNING id`,
    [m.id, closed.edition, closed.pool, closed.project, officer.id],
  );
  // A submitted proposal (ADR 0034) for the proposals, support and verification routes.
  const [proposal] = await sql.query<{ id: string }>(
    `INSERT INTO budget_proposals (municipality_id, edition_id, pool_id, author_id, title, description, place, cost, status, submitted_at)
     VALUES ($1, $2, $3, $4, 'Ławki przy bibliotece', 'Sześć ławek z oparciami.', 'ul. Słowackiego 3', 12000, 'submitted', now()) RETURNING id`,
    [m.id, closed.edition, closed.pool, officer.id],
  );
  await sql.query(`INSERT INTO budget_proposal_cost_lines (municipality_id, proposal_id, position, item, amount) VALUES ($1, $2, 0, 'Ławki', 12000)`, [m.id, proposal!.id]);
  return {
    'budzet/wnioski/:id': proposal!.id,
    'budzet/:edition': closed.edition,
    'budzet/:edition/glosuj/:pool': closed.pool,
    'budzet/:edition/pule/:pool': closed.pool,
    'budzet/:edition/karty/:pool': closed.pool,
    'budzet/:edition/karty/wpisy/:entry': entry!.id,
    'budzet/projekty/:id': closed.project,
  };
}
