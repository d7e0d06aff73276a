import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/** One of the person's cases in their data download (data.json `cases`): whom to contact and where it stands. */
export interface CaseRecord {
  id: string;
  number: string;
  person_name: string;
  birth_year: number | null;
  representative_name: string;
  contact_phone: string;
  contact_email: string;
  status: 'open' | 'closed';
  needs_plan: boolean;
  plan_due_on: string | null;
  opened_at: Date;
  closed_at: Date | null;
  closing_note: string;
  coordinator: string;
  unit: { name: string; phone: string | null; email: string | null; address: string | null } | null;
}

type Row = Omit<CaseRecord, 'coordinator' | 'unit'> & { coordinator_name: string; unit_name: string | null; unit_phone: string | null; unit_email: string | null; unit_address: string | null };

/** The cases whose resident is the person, newest first: the data download and the "Moje sprawy w CUS" hub show them. */
export async function residentCases(sql: Sql, { municipalityId, userId }: DataSubject): Promise<CaseRecord[]> {
  const rows = await sql.query<Row>(
    `SELECT c.id, c.number, c.person_name, c.birth_year, c.representative_name, c.contact_phone, c.contact_email, c.status, c.needs_plan,
       to_char(c.plan_due_on, 'YYYY-MM-DD') AS plan_due_on, c.opened_at, c.closed_at, c.closing_note, u.display_name AS coordinator_name,
       un.name AS unit_name, un.phone AS unit_phone, un.email AS unit_email, un.address AS unit_address
     FROM cases c JOIN users u ON u.id = c.coordinator_id
     LEFT JOIN care_teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
     LEFT JOIN units un ON un.municipality_id = t.municipality_id AND un.id = t.unit_id
     WHERE c.municipality_id = $1 AND c.resident_user_id = $2 ORDER BY c.opened_at DESC, c.id`,
    [municipalityId, userId],
  );
  return rows.map(({ coordinator_name, unit_name, unit_phone, unit_email, unit_address, ...c }) => ({
    ...c,
    coordinator: coordinator_name,
    unit: unit_name ? { name: unit_name, phone: unit_phone, email: unit_email, address: unit_address } : null,
  }));
}

/** The `personalData` hook: the person's cases as data.json `cases`. */
export async function casesOf(sql: Sql, subject: DataSubject): Promise<PersonalDataSection> {
  return { section: 'cases', records: await residentCases(sql, subject) };
}
