import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { expectUpdated } from '../../platform/http/conflict';
import { AppError } from '../../platform/http/errors';
import { caseAccess, type CaseViewer } from './access';
import { cases } from './repository';
import { grants, type GrantRow } from './repository-glass';
import type { CasesDeps } from './routes-common';

/**
 * "Break the glass": a person with `cases.manage` opens a case outside their need-to-know by
 * writing why. The grant lasts 8 hours, and the audit entry is flagged for the auditor. Someone who
 * already has access gets no grant (null); otherwise the grant's end.
 */
export async function breakGlass(deps: CasesDeps, ctx: DbContext, municipalityId: string, caseId: string, reason: string, viewer: CaseViewer, actor: AuditActor): Promise<Date | null> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await cases.find(sql, municipalityId, caseId);
    if (!c) throw new AppError('not_found');
    if (await caseAccess(sql, municipalityId, viewer, caseId)) return null;
    const grant = await grants.insert(sql, municipalityId, caseId, viewer.userId, reason);
    await audit(sql, municipalityId, actor, {
      action: 'case.break_glass',
      subjectType: 'case',
      subjectId: caseId,
      details: { flagged: true, cases: [caseId], ids: [grant.id], number: c.number, expiresAt: grant.expires_at },
    });
    return grant.expires_at;
  });
}

export interface GlassPage {
  grants: GrantRow[];
  unreviewed: number;
}

/** The auditor's list of grants: unreviewed first. It names staff and case numbers, never a resident. */
export async function glassList(deps: CasesDeps, ctx: DbContext, municipalityId: string): Promise<GlassPage> {
  return deps.db.tx(ctx, async (sql) => ({ grants: await grants.list(sql, municipalityId), unreviewed: await grants.unreviewed(sql, municipalityId) }));
}

/** Marks a grant reviewed with the auditor's note, once: a grant reviewed meanwhile is a conflict. */
export async function reviewGrant(deps: CasesDeps, ctx: DbContext, municipalityId: string, id: string, input: { version: number; note: string }, actor: AuditActor): Promise<GrantRow> {
  return deps.db.tx(ctx, async (sql) => {
    const g = await grants.find(sql, municipalityId, id);
    if (!g) throw new AppError('not_found');
    if (g.version !== input.version || g.reviewed_at) throw new AppError('conflict.stale');
    expectUpdated(await grants.review(sql, municipalityId, id, input.version, actor.userId!, input.note));
    await audit(sql, municipalityId, actor, { action: 'case.glass_reviewed', subjectType: 'case_access_grant', subjectId: id, details: { cases: [g.case_id], ids: [id] } });
    return g;
  });
}
