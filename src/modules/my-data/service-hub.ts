import type { DbContext } from '../../platform/db/types';
import { residentCases, type CaseRecord } from '../cases';
import { ownLabels, type OwnLabels } from './reads-text';
import { hub, type HubCounts } from './repository-hub';
import { reads, type ReadEntry } from './repository-reads';
import type { MyDataDeps } from './routes-common';

export const READS_PER_PAGE = 50;

export interface Hub {
  counts: HubCounts;
  cases: CaseRecord[];
  reads: number;
}

/** "Moje sprawy w CUS": how much there is of each kind, and the person's cases with whom to contact. */
export async function hubPage(deps: MyDataDeps, ctx: DbContext, municipalityId: string, userId: string): Promise<Hub> {
  return deps.db.tx(ctx, async (sql) => ({
    counts: await hub.counts(sql, municipalityId, userId),
    cases: await residentCases(sql, { municipalityId, userId }),
    reads: await reads.count(sql),
  }));
}

export interface ReadsPage {
  entries: ReadEntry[];
  labels: OwnLabels;
  total: number;
  page: number;
  pages: number;
}

/** "Kto czytał moje dane": staff reads of the person's applications, cases and documents, newest first, 50 a page. */
export async function whoReadMyData(deps: MyDataDeps, ctx: DbContext, municipalityId: string, userId: string, page: number): Promise<ReadsPage> {
  return deps.db.tx(ctx, async (sql) => {
    const total = await reads.count(sql);
    const pages = Math.max(1, Math.ceil(total / READS_PER_PAGE));
    const current = Math.min(page, pages);
    const entries = total === 0 ? [] : await reads.page(sql, municipalityId, userId, READS_PER_PAGE, (current - 1) * READS_PER_PAGE);
    return { entries, labels: ownLabels(await hub.labels(sql, municipalityId, userId)), total, page: current, pages };
  });
}
