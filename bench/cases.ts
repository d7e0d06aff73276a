import type { Columns } from './catalogue';
import { DAY, dayOf, iso, type Opening } from './applications';
import { Random } from './random';

export interface Cases {
  cases: Columns;
  case_number_counters: Columns;
  care_plans: Columns;
}

/** What the referrals take from a case. */
export interface CaseFacts {
  id: string;
  opening: Opening;
  openedMs: number;
  closedMs: number | null;
}

const SUMMARY = 'Cele planu osiągnięte w większości; mieszkaniec korzysta z usług samodzielnie, rozmowa końcowa przeprowadzona.';
const CLOSING = 'Sprawa zamknięta: wsparcie zakończone zgodnie z planem.';

/**
 * The cases of the residents known to the centre, the same for the same seed: one per accepted opening
 * application (resident n's), with its coordinator and team, numbered "CUS/<year>/<n>" without gaps per
 * year (the counters say where each year stands); 85 % open. A third need an individual plan due 30 days
 * after the application: most of those past the deadline have one approved (valid for a year from a day
 * within the last ~13 months, so some are ending or have ended), some only a draft, some nothing yet;
 * closed cases' plans are closed with a final interview and summary. Plans are approved by the director.
 */
export function generateCases(
  municipalityId: string, seed: number, openings: Opening[], directorId: string, now: Date,
): Cases & { facts: CaseFacts[] } {
  const r = new Random((seed + 0x43415345) >>> 0);
  const nowMs = now.getTime();
  const today = dayOf(nowMs);
  const c: Cases = {
    cases: {
      municipality_id: [], id: [], number: [], opened_from: [], resident_user_id: [], person_name: [], birth_year: [], representative_name: [],
      contact_phone: [], contact_email: [], coordinator_id: [], team_id: [], needs_plan: [], plan_due_on: [], status: [], opened_at: [], closed_at: [],
      closing_note: [],
    },
    case_number_counters: { municipality_id: [], year: [], last_number: [] },
    care_plans: {
      municipality_id: [], id: [], case_id: [], status: [], valid_from: [], valid_until: [], author_id: [], submitted_at: [], approved_by: [], approved_at: [],
      final_interview_on: [], final_summary: [], closed_at: [], closed_by: [],
    },
  };
  const push = (t: Columns, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) t[k]!.push(v);
  };
  const counters = new Map<number, number>();
  const facts: CaseFacts[] = [];

  for (const o of openings) {
    const id = r.uuid();
    const openedMs = o.decidedMs;
    const year = new Date(openedMs).getUTCFullYear();
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const closedMs = openedMs < nowMs - 60 * DAY && r.chance(0.15) ? openedMs + Math.floor(r.next() * (nowMs - DAY - openedMs)) : null;
    const needsPlan = r.chance(1 / 3);
    const dueMs = o.submittedMs + 30 * DAY;
    push(c.cases, {
      municipality_id: municipalityId, id, number: `CUS/${year}/${String(number).padStart(6, '0')}`, opened_from: o.id, resident_user_id: o.resident,
      person_name: o.person, birth_year: o.birthYear, representative_name: o.representative, contact_phone: o.phone, contact_email: o.email,
      coordinator_id: o.coordinator.id, team_id: o.coordinator.teamId, needs_plan: needsPlan, plan_due_on: needsPlan ? dayOf(dueMs) : null,
      status: closedMs === null ? 'open' : 'closed', opened_at: iso(openedMs), closed_at: closedMs === null ? null : iso(closedMs),
      closing_note: closedMs === null ? '' : CLOSING,
    });
    facts.push({ id, opening: o, openedMs, closedMs });
    if (needsPlan) plan(id, o, openedMs, dueMs, closedMs);
  }
  for (const [year, last] of counters) push(c.case_number_counters, { municipality_id: municipalityId, year, last_number: last });

  function plan(caseId: string, o: Opening, openedMs: number, dueMs: number, closedMs: number | null) {
    const row = (status: string, fromMs: number, approved: boolean, closed: number | null) => push(c.care_plans, {
      municipality_id: municipalityId, id: r.uuid(), case_id: caseId, status, valid_from: dayOf(fromMs), valid_until: dayOf(fromMs + 365 * DAY),
      author_id: o.coordinator.id, submitted_at: status === 'draft' ? null : iso(fromMs - 2 * DAY), approved_by: approved ? directorId : null,
      approved_at: approved ? iso(fromMs) : null, final_interview_on: closed === null ? null : dayOf(closed), final_summary: closed === null ? '' : SUMMARY,
      closed_at: closed === null ? null : iso(closed), closed_by: closed === null ? null : o.coordinator.id,
    });
    const roll = r.next();
    if (closedMs !== null) {
      if (roll < 0.7) row('closed', Math.min(openedMs + 20 * DAY, closedMs), true, closedMs);
    } else if (dayOf(dueMs) >= today) {
      if (roll < 0.5) row('draft', dueMs, false, null);
    } else if (roll < 0.8) {
      const from = Math.max(openedMs, nowMs - 395 * DAY);
      row('approved', from + Math.floor(r.next() * (nowMs - from)), true, null);
    } else if (roll < 0.9) {
      row('draft', dueMs, false, null);
    }
  }
  return { ...c, facts };
}

/** Later applications join the case of their resident (by index into `facts`), when there is one. */
export function joinCases(caseIds: unknown[], residents: (number | null)[], facts: CaseFacts[]): void {
  residents.forEach((k, i) => (caseIds[i] = k === null ? null : facts[k]!.id));
}
