import { validationError, type FieldErrors } from '../../platform/http/errors';
import { ageOn, ballotOf, peselBirthDate, type EditionRow, type ProjectRow } from './domain';
import { validateVote, type ElectionVote } from './rules';

/** The ballot form: checkboxes (approval), one radio (choose-one), points per project (cumulative), a select per place (ordinal). */

type Body = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : typeof v === 'string' ? [v.trim()] : []).filter(Boolean);

export const pointsField = (projectId: string) => `points_${projectId}`;
export const rankField = (rank: number) => `rank_${rank}`;
export const rankCount = (e: EditionRow) => Math.min(e.max_projects ?? Infinity, e.rank_points?.length || 3);

export interface BallotInput {
  vote: ElectionVote;
  pesel: string;
  birthDate: string;
  changeCode: string;
}

/** Reads and checks a ballot: every problem as a Polish field error (the rules' codes under `budget_vote_*`). */
export function parseBallot(body: unknown, edition: EditionRow, projects: readonly ProjectRow[], votingEndsOn: string): BallotInput {
  const b = (body ?? {}) as Body;
  const errors: FieldErrors = {};
  let vote: ElectionVote;
  if (edition.ballot_kind === 'cumulative') {
    const chosen: string[] = [];
    const points: number[] = [];
    for (const p of projects) {
      const raw = str(b[pointsField(p.id)]);
      if (raw === '' || raw === '0') continue;
      if (!/^\d{1,6}$/.test(raw)) {
        errors[pointsField(p.id)] = { code: 'budget_points' };
        continue;
      }
      chosen.push(p.id);
      points.push(Number(raw));
    }
    vote = { projects: chosen, points };
  } else if (edition.ballot_kind === 'ordinal') {
    const ranks = Array.from({ length: rankCount(edition) }, (_, i) => str(b[rankField(i + 1)]));
    const lastFilled = ranks.map((r) => r !== '').lastIndexOf(true);
    if (ranks.slice(0, lastFilled).some((r) => r === '')) errors[rankField(1)] = { code: 'budget_vote_rank_gap' };
    vote = { projects: ranks.filter(Boolean) };
  } else {
    vote = { projects: list(b.projects) };
  }
  const field = edition.ballot_kind === 'ordinal' ? rankField(1) : edition.ballot_kind === 'cumulative' ? pointsField(projects[0]?.id ?? '') : 'projects';
  if (Object.keys(errors).length === 0) {
    const checked = validateVote(ballotOf(edition), vote, new Set(projects.map((p) => p.id)));
    if (!checked.ok) errors[field] = { code: `budget_vote_${checked.code}`, params: { max: edition.ballot_kind === 'cumulative' ? (edition.max_points ?? 0) : (edition.max_projects ?? 1), min: edition.min_projects ?? 1 } };
  }
  const pesel = str(b.pesel);
  const birthDate = peselBirthDate(pesel);
  if (!birthDate) errors.pesel = { code: 'budget_pesel' };
  else if (edition.age_limit !== null && ageOn(birthDate, votingEndsOn) < edition.age_limit) errors.pesel = { code: 'budget_too_young', params: { age: edition.age_limit } };
  if (Object.keys(errors).length) throw validationError(errors);
  return { vote, pesel, birthDate: birthDate!, changeCode: str(b.change_code).toUpperCase() };
}
