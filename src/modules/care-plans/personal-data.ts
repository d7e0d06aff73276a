import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/**
 * One of the person's individual plans (IPUS) in their data download (data.json `plans`), with everything
 * in it. Only the revisions the resident is shown ("Mój plan usług"): approved, superseded and closed —
 * a draft or a revision awaiting approval is the staff's work in progress, not yet the plan.
 */
export interface PlanRecord {
  id: string;
  case_id: string;
  case_number: string;
  revision: number;
  status: string;
  situation: string;
  valid_from: string;
  valid_until: string;
  author_name: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  final_interview_on: string | null;
  final_summary: string;
  closed_at: Date | null;
  goals: { description: string; measure: string }[];
  services: { description: string; frequency: string; provider: string }[];
  commitments: { description: string; due_on: string | null }[];
  reviews: { review_on: string; done_at: Date | null; note: string }[];
  notes: { noted_on: string; body: string; author_name: string | null }[];
}

type Parts = 'goals' | 'services' | 'commitments' | 'reviews' | 'notes';
type Part<K extends Parts> = PlanRecord[K][number] & { plan_id: string };

const SHOWN_TO_RESIDENT = "('approved', 'superseded', 'closed')";
const DAY = (c: string) => `to_char(${c}, 'YYYY-MM-DD')`;
const MY_PLANS = `SELECT p.id FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
  WHERE p.municipality_id = $1 AND c.resident_user_id = $2 AND p.status IN ${SHOWN_TO_RESIDENT}`;

export async function plansOf(sql: Sql, { municipalityId: m, userId: u }: DataSubject): Promise<PersonalDataSection> {
  const plans = await sql.query<Omit<PlanRecord, Parts>>(
    `SELECT p.id, p.case_id, c.number AS case_number, p.revision, p.status, p.situation, ${DAY('p.valid_from')} AS valid_from,
       ${DAY('p.valid_until')} AS valid_until, au.display_name AS author_name, ap.display_name AS approved_by_name, p.approved_at,
       ${DAY('p.final_interview_on')} AS final_interview_on, p.final_summary, p.closed_at
     FROM care_plans p JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id
     LEFT JOIN users au ON au.id = p.author_id LEFT JOIN users ap ON ap.id = p.approved_by
     WHERE p.municipality_id = $1 AND c.resident_user_id = $2 AND p.status IN ${SHOWN_TO_RESIDENT} ORDER BY c.opened_at DESC, p.revision DESC`,
    [m, u],
  );
  const goals = await sql.query<Part<'goals'>>(`SELECT plan_id, description, measure FROM care_plan_goals WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, position`, [m, u]);
  const services = await sql.query<Part<'services'>>(
    `SELECT ps.plan_id, ps.description, ps.frequency, coalesce(o.name, un.name, ps.provider_name) AS provider
     FROM care_plan_services ps
     LEFT JOIN organisations o ON o.municipality_id = ps.municipality_id AND o.id = ps.provider_organisation_id
     LEFT JOIN units un ON un.municipality_id = ps.municipality_id AND un.id = ps.provider_unit_id
     WHERE ps.municipality_id = $1 AND ps.plan_id IN (${MY_PLANS}) ORDER BY ps.plan_id, ps.position`,
    [m, u],
  );
  const commitments = await sql.query<Part<'commitments'>>(
    `SELECT plan_id, description, ${DAY('due_on')} AS due_on FROM care_plan_commitments WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, position`, [m, u]);
  const reviews = await sql.query<Part<'reviews'>>(
    `SELECT plan_id, ${DAY('review_on')} AS review_on, done_at, note FROM care_plan_reviews WHERE municipality_id = $1 AND plan_id IN (${MY_PLANS}) ORDER BY plan_id, review_on`, [m, u]);
  const notes = await sql.query<Part<'notes'>>(
    `SELECT n.plan_id, ${DAY('n.noted_on')} AS noted_on, n.body, u.display_name AS author_name FROM care_plan_notes n LEFT JOIN users u ON u.id = n.author_id
     WHERE n.municipality_id = $1 AND n.plan_id IN (${MY_PLANS}) ORDER BY n.plan_id, n.noted_on, n.id`,
    [m, u],
  );
  const of = <R extends { plan_id: string }>(rows: R[], id: string) => rows.filter((r) => r.plan_id === id).map(({ plan_id: _p, ...r }) => r);
  const records: PlanRecord[] = plans.map((p) => ({
    ...p, goals: of(goals, p.id), services: of(services, p.id), commitments: of(commitments, p.id), reviews: of(reviews, p.id), notes: of(notes, p.id),
  }));
  return { section: 'plans', records };
}
