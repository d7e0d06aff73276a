import { audit, type AuditActor } from '../../platform/audit/audit';
import { NO_CONTEXT, type DbContext } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import type { Schedule } from '../../platform/jobs/scheduler';
import type { AnonymiseCases } from '../../platform/module';
import { retention, type PolicyRow } from './repository-retention';
import type { CasesDeps } from './routes-common';

export const ANONYMISE_QUEUE = 'cases.anonymise';
/** Cases anonymised per transaction: a large backlog never holds one huge transaction. */
export const ANONYMISE_BATCH = 500;

/** Nightly at 03:00 Warsaw, when nobody is working on cases (the kernel's scheduler runs it once a night). */
export const ANONYMISE_SCHEDULE: Schedule = { name: 'cases.retention', queue: ANONYMISE_QUEUE, dailyAt: '03:00' };

/** The job's dependencies: the other modules' `anonymiseCases` hooks as the kernel collects them (a test of cases alone may leave them out). */
export interface RetentionDeps extends CasesDeps {
  anonymiseCases?: AnonymiseCases;
}

const JOB_ACTOR: AuditActor = { userId: null, label: 'system: retencja danych', ip: '', userAgent: ANONYMISE_QUEUE, requestId: '' };

/**
 * The job: in every municipality, closed cases past its retention period are anonymised in
 * batches of 500 (one transaction each: the cases' own tables, then every module's hook), with one
 * audit entry per case naming nobody. Returns how many cases it anonymised.
 */
export async function anonymiseDueCases(deps: RetentionDeps): Promise<number> {
  const municipalities = await deps.db.tx(NO_CONTEXT, (sql) => retention.municipalities(sql));
  let total = 0;
  for (const m of municipalities) {
    for (;;) {
      const done = await deps.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
        const { closed_case_months: months } = await retention.policy(sql, m.id);
        const batch = await retention.dueBatch(sql, m.id, months, ANONYMISE_BATCH);
        if (batch.length === 0) return 0;
        const ids = batch.map((c) => c.id);
        await retention.anonymise(sql, m.id, ids);
        await deps.anonymiseCases?.(sql, m.id, ids);
        for (const c of batch) {
          await audit(sql, m.id, JOB_ACTOR, { action: 'case.anonymised', subjectType: 'case', subjectId: c.id, details: { cases: [c.id], closedAt: c.closed_at, months } });
        }
        return batch.length;
      });
      total += done;
      if (done < ANONYMISE_BATCH) break;
    }
  }
  return total;
}

export interface RetentionPage {
  policy: PolicyRow;
  counts: { kept: number; anonymised: number; due: number };
}

export async function retentionPage(deps: CasesDeps, ctx: DbContext, municipalityId: string): Promise<RetentionPage> {
  return deps.db.tx(ctx, async (sql) => ({ policy: await retention.policy(sql, municipalityId), counts: await retention.counts(sql, municipalityId) }));
}

export async function saveRetention(deps: CasesDeps, ctx: DbContext, municipalityId: string, input: { version: number; months: number }, actor: AuditActor): Promise<boolean> {
  return deps.db.tx(ctx, async (sql) => {
    const before = await retention.policy(sql, municipalityId);
    assertVersion(before, input.version);
    if (before.closed_case_months === input.months && before.version > 0) return false;
    expectUpdated(await retention.save(sql, municipalityId, input.version, input.months, actor.userId!));
    await audit(sql, municipalityId, actor, { action: 'cases.retention_changed', subjectType: 'retention_policy', subjectId: municipalityId, details: { from: before.closed_case_months, to: input.months } });
    return true;
  });
}
