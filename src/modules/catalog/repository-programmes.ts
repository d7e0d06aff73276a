import type { Sql } from '../../platform/db/types';
import type { Area, FeeKind, ProgrammeStatus, ServiceStatus, TargetGroup } from './domain';

/** Programme statuses the public may see: everything but a draft. */
export const PUBLIC_PROGRAMME_STATUSES: readonly ProgrammeStatus[] = ['consultation', 'adopted', 'expired'];

export interface PublicProgrammeRow {
  id: string;
  name: string;
  period_from: string;
  period_to: string;
  resolution_number: string;
  resolution_date: string | null;
  status: ProgrammeStatus;
  description: string;
  updated_at: Date;
  service_count: number;
}

export interface ProgrammeServiceRow {
  id: string;
  name: string;
  summary: string;
  area: Area;
  target_groups: TargetGroup[];
  how_to_apply: string;
  fee_kind: FeeKind;
  fee_amount: string | null;
  status: ServiceStatus;
  provider_name: string;
}

const PROGRAMME_COLUMNS = `g.id, g.name, g.period_from, g.period_to, g.resolution_number, g.resolution_date, g.status, g.description, g.updated_at,
  (SELECT count(*) FROM programme_services ps WHERE ps.municipality_id = g.municipality_id AND ps.programme_id = g.id)::int AS service_count`;

/** The public reads of programmes of social services (drafts are never returned). */
export const programmes = {
  /** Newest first: by the start of the period, then by name. */
  async listPublic(sql: Sql, municipalityId: string): Promise<PublicProgrammeRow[]> {
    return sql.query<PublicProgrammeRow>(
      `SELECT ${PROGRAMME_COLUMNS} FROM programmes g
       WHERE g.municipality_id = $1 AND g.status = ANY($2::text[])
       ORDER BY g.period_from DESC, g.period_to DESC, search_normalize(g.name), g.id`,
      [municipalityId, PUBLIC_PROGRAMME_STATUSES],
    );
  },

  async publicOne(sql: Sql, municipalityId: string, id: string): Promise<PublicProgrammeRow | undefined> {
    const [row] = await sql.query<PublicProgrammeRow>(
      `SELECT ${PROGRAMME_COLUMNS} FROM programmes g WHERE g.municipality_id = $1 AND g.id = $2 AND g.status = ANY($3::text[])`,
      [municipalityId, id, PUBLIC_PROGRAMME_STATUSES],
    );
    return row;
  },

  /** The services a programme includes, whatever their status, by name. */
  async services(sql: Sql, municipalityId: string, programmeId: string): Promise<ProgrammeServiceRow[]> {
    return sql.query<ProgrammeServiceRow>(
      `SELECT s.id, s.name, s.summary, s.area, s.target_groups, s.how_to_apply, s.fee_kind, s.fee_amount::text AS fee_amount, s.status,
              p.name AS provider_name
       FROM programme_services ps
       JOIN services s ON s.municipality_id = ps.municipality_id AND s.id = ps.service_id
       JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
       WHERE ps.municipality_id = $1 AND ps.programme_id = $2
       ORDER BY s.sort_name, s.id`,
      [municipalityId, programmeId],
    );
  },
};
