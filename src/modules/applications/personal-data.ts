import type { Sql } from '../../platform/db/types';
import type { DataSubject, PersonalDataSection } from '../../platform/module';

/** One of the person's applications in their data download (data.json `applications`), with its consents and history. */
export interface ApplicationRecord {
  id: string;
  service_name: string;
  provider_name: string;
  applicant_name: string;
  beneficiary_name: string;
  beneficiary_birth_year: number | null;
  relation: string;
  contact_phone: string;
  contact_email: string;
  need: string;
  channel: string;
  status: string;
  status_reason: string;
  queue_position: number | null;
  forwarded_to_name: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  consents: { id: string; purpose: 'cus_processing' | 'provider_sharing' | 'forwarding'; recipient: string; given_at: Date; withdrawn_at: Date | null }[];
  history: { kind: string; status_from: string; status_to: string; position_from: number | null; position_to: number | null; reason: string; actor_name: string | null; at: Date }[];
}

type Row = Omit<ApplicationRecord, 'consents' | 'history'>;
type Child<K extends 'consents' | 'history'> = ApplicationRecord[K][number] & { application_id: string };

const MY_APPLICATIONS = 'SELECT id FROM applications WHERE municipality_id = $1 AND applicant_id = $2';

/** The applications the person filed (or staff registered for their account), as "Moje wnioski" shows them. */
export async function applicationsOf(sql: Sql, { municipalityId, userId }: DataSubject): Promise<PersonalDataSection> {
  const rows = await sql.query<Row>(
    `SELECT a.id, s.name AS service_name, p.name AS provider_name, a.applicant_name, a.beneficiary_name, a.beneficiary_birth_year, a.relation,
       a.contact_phone, a.contact_email, a.need, a.channel, a.status, a.status_reason, a.queue_position, un.name AS forwarded_to_name,
       a.submitted_at, a.decided_at
     FROM applications a JOIN services s ON s.municipality_id = a.municipality_id AND s.id = a.service_id
     JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
     LEFT JOIN units un ON un.municipality_id = a.municipality_id AND un.id = a.forwarded_to
     WHERE a.municipality_id = $1 AND a.applicant_id = $2 ORDER BY a.submitted_at DESC, a.id`,
    [municipalityId, userId],
  );
  const consents = await sql.query<Child<'consents'>>(
    `SELECT c.application_id, c.id, c.purpose, c.recipient, c.given_at, c.withdrawn_at FROM application_consents c
     WHERE c.municipality_id = $1 AND c.application_id IN (${MY_APPLICATIONS}) ORDER BY c.application_id, c.given_at, c.id`,
    [municipalityId, userId],
  );
  const history = await sql.query<Child<'history'>>(
    `SELECT e.application_id, e.kind, e.status_from, e.status_to, e.position_from, e.position_to, e.reason, u.display_name AS actor_name, e.at
     FROM application_events e LEFT JOIN users u ON u.id = e.actor_id
     WHERE e.municipality_id = $1 AND e.application_id IN (${MY_APPLICATIONS}) ORDER BY e.application_id, e.id`,
    [municipalityId, userId],
  );
  const of = <C extends { application_id: string }>(list: C[], id: string) => list.filter((c) => c.application_id === id).map(({ application_id: _a, ...c }) => c);
  const records: ApplicationRecord[] = rows.map((a) => ({ ...a, consents: of(consents, a.id), history: of(history, a.id) }));
  return { section: 'applications', records };
}
