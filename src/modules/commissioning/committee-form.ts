import { AppError, validationError, type FieldErrors } from '../../platform/http/errors';
import type { Criterion } from './domain';
import type { SheetScore } from './repository-committee';

/** The committee's forms read into values (plain checks, each error on its field). */

const str = (body: unknown, key: string): string => {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' ? v.trim() : '';
};

/** The version the form was filled in on; 0 when the sheet did not exist yet. A missing one is stale. */
export function sheetVersion(body: unknown): number {
  const raw = str(body, 'version');
  if (!/^\d{1,9}$/.test(raw)) throw new AppError('conflict.stale');
  return Number(raw);
}

export interface AppointInput { kind: 'staff' | 'nominee'; userId: string; organisationId: string | null; chair: boolean }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseAppoint(body: unknown): AppointInput {
  const kind = str(body, 'kind');
  const chair = ['1', 'on', 'true'].includes(str(body, 'chair'));
  if (kind === 'staff') {
    const userId = str(body, 'staff_user').toLowerCase();
    if (!UUID.test(userId)) throw validationError({ staff_user: { code: 'required' } });
    return { kind, userId, organisationId: null, chair };
  }
  if (kind === 'nominee') {
    const [organisationId = '', userId = ''] = str(body, 'nominee').toLowerCase().split(':');
    if (!UUID.test(userId) || !UUID.test(organisationId)) throw validationError({ nominee: { code: 'required' } });
    return { kind, userId, organisationId, chair };
  }
  throw validationError({ kind: { code: 'required' } });
}

export function parseDeclaration(body: unknown): { conflict: boolean; explanation: string } {
  const answer = str(body, 'conflict');
  const explanation = str(body, 'explanation');
  const errors: FieldErrors = {};
  if (answer !== 'no' && answer !== 'yes') errors.conflict = { code: 'required' };
  if (answer === 'yes' && explanation === '') errors.explanation = { code: 'committee_conflict_explain' };
  if (explanation.length > 2000) errors.explanation = { code: 'too_long', params: { max: 2000 } };
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { conflict: answer === 'yes', explanation };
}

/**
 * Scores on the call's criteria: `score_<i>` a whole number 0..weight, `justification_<i>` a short text.
 * `complete`: every score and justification required (a submitted sheet, the consensus); else empty ones stay empty.
 */
export function parseScores(body: unknown, criteria: Criterion[], complete: boolean): SheetScore[] {
  const errors: FieldErrors = {};
  const scores = criteria.map((c, i): SheetScore => {
    const raw = str(body, `score_${i}`);
    const justification = str(body, `justification_${i}`);
    let score: number | null = null;
    if (raw === '') {
      if (complete) errors[`score_${i}`] = { code: 'required' };
    } else if (!/^\d{1,3}$/.test(raw) || Number(raw) > c.weight) {
      errors[`score_${i}`] = { code: 'committee_score_range', params: { criterion: c.name, max: c.weight } };
    } else score = Number(raw);
    if (justification.length > 1000) errors[`justification_${i}`] = { code: 'too_long', params: { max: 1000 } };
    else if (complete && justification === '') errors[`justification_${i}`] = { code: 'required' };
    return { score, justification };
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return scores;
}

export function parseFormal(body: unknown): { formal: 'ok' | 'errors'; notes: string } {
  const formal = str(body, 'formal');
  const notes = str(body, 'formal_notes');
  const errors: FieldErrors = {};
  if (formal !== 'ok' && formal !== 'errors') errors.formal = { code: 'required' };
  if (formal === 'errors' && notes === '') errors.formal_notes = { code: 'committee_formal_explain' };
  if (notes.length > 5000) errors.formal_notes = { code: 'too_long', params: { max: 5000 } };
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { formal: formal as 'ok' | 'errors', notes };
}

export const remarksOf = (body: unknown): string => {
  const r = str(body, 'remarks');
  if (r.length > 5000) throw validationError({ remarks: { code: 'too_long', params: { max: 5000 } } });
  return r;
};
