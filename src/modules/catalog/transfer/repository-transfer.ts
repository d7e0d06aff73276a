import type { Sql } from '../../../platform/db/types';
import { SERVICE_COLUMNS, type ServiceRow } from '../repository';

/** A service as the export writes it: its row, the provider's name and the names of its places. */
export interface ExportedService extends ServiceRow {
  provider_name: string;
  location_names: string[];
}

export const transferRepository = {
  /** Every service of the municipality, whatever its status, by name. */
  async exportRows(sql: Sql, municipalityId: string): Promise<ExportedService[]> {
    return sql.query<ExportedService>(
      `SELECT ${SERVICE_COLUMNS}, p.name AS provider_name,
         coalesce((SELECT array_agg(l.name ORDER BY l.name) FROM service_locations sl
                   JOIN locations l ON l.municipality_id = sl.municipality_id AND l.id = sl.location_id
                   WHERE sl.municipality_id = s.municipality_id AND sl.service_id = s.id), '{}') AS location_names
       FROM services s JOIN providers p ON p.municipality_id = s.municipality_id AND p.id = s.provider_id
       WHERE s.municipality_id = $1 ORDER BY s.name, s.id`,
      [municipalityId],
    );
  },
  /** The municipality's services, locked until the import's transaction ends (versions cannot move under it). */
  async lockAll(sql: Sql, municipalityId: string): Promise<ServiceRow[]> {
    return sql.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM services s WHERE s.municipality_id = $1 ORDER BY s.id FOR UPDATE`, [municipalityId]);
  },
};
