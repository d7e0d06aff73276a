import type { Sql } from '../../../platform/db/types';
import type { ProgrammeStatus } from '../domain';
import type { ProgrammeInput, ProgrammeRow } from './programme-form';

/** Programmes and the services they include: the staff editor's SQL. */

export interface ProgrammeListRow {
  id: string;
  name: string;
  period_from: string;
  period_to: string;
  status: ProgrammeStatus;
  services: number;
}

const COLUMNS = 'id, name, period_from, period_to, resolution_number, resolution_date, status, description, version, updated_at';

export const adminProgrammes = {
  async list(sql: Sql, municipalityId: string): Promise<ProgrammeListRow[]> {
    return sql.query<ProgrammeListRow>(
      `SELECT p.id, p.name, p.period_from, p.period_to, p.status,
         (SELECT count(*)::int FROM programme_services ps WHERE ps.municipality_id = p.municipality_id AND ps.programme_id = p.id) AS services
       FROM programmes p WHERE p.municipality_id = $1 ORDER BY p.period_from DESC, p.name, p.id`,
      [municipalityId],
    );
  },
  async find(sql: Sql, municipalityId: string, id: string, lock = false): Promise<ProgrammeRow | undefined> {
    const [row] = await sql.query<ProgrammeRow>(`SELECT ${COLUMNS} FROM programmes WHERE municipality_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`, [
      municipalityId,
      id,
    ]);
    return row;
  },
  async insert(sql: Sql, municipalityId: string, p: ProgrammeInput): Promise<string> {
    const [row] = await sql.query<{ id: string }>(
      `INSERT INTO programmes (municipality_id, name, period_from, period_to, resolution_number, resolution_date, status, description)
       VALUES ($1, $2, $3::date, $4::date, $5, $6::date, $7, $8) RETURNING id`,
      [municipalityId, p.name, p.period_from, p.period_to, p.resolution_number, p.resolution_date, p.status, p.description],
    );
    return row!.id;
  },
  async update(sql: Sql, municipalityId: string, id: string, p: ProgrammeInput, version: number): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE programmes SET name = $3, period_from = $4::date, period_to = $5::date, resolution_number = $6, resolution_date = $7::date,
         status = $8, description = $9, version = version + 1, updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND version = $10 RETURNING id`,
      [municipalityId, id, p.name, p.period_from, p.period_to, p.resolution_number, p.resolution_date, p.status, p.description, version],
    );
    return rows.length === 1;
  },
  async serviceIds(sql: Sql, municipalityId: string, programmeId: string): Promise<string[]> {
    const rows = await sql.query<{ service_id: string }>(
      'SELECT service_id FROM programme_services WHERE municipality_id = $1 AND programme_id = $2 ORDER BY service_id',
      [municipalityId, programmeId],
    );
    return rows.map((r) => r.service_id);
  },
  async setServices(sql: Sql, municipalityId: string, programmeId: string, serviceIds: string[]): Promise<void> {
    await sql.query('DELETE FROM programme_services WHERE municipality_id = $1 AND programme_id = $2 AND NOT (service_id = ANY($3::uuid[]))', [
      municipalityId,
      programmeId,
      serviceIds,
    ]);
    await sql.query(
      `INSERT INTO programme_services (municipality_id, programme_id, service_id)
       SELECT $1, $2, s FROM unnest($3::uuid[]) AS s ON CONFLICT DO NOTHING`,
      [municipalityId, programmeId, serviceIds],
    );
  },
};
