import type { Database, DbContext } from '../../../platform/db/types';
import { adminLocations, adminProviders } from './repository-admin-places';
import { adminProgrammes } from './repository-admin-programmes';
import { AppError } from '../../../platform/http/errors';
import type { EntityType } from './history';
import { adminServices, choices, history } from './repository-admin';
import type { Dashboard } from './views-dashboard';

/** Everything in the municipality's catalogue, for the staff's overview page (one transaction, one snapshot). */
export function dashboard(db: Database, ctx: DbContext, municipalityId: string): Promise<Dashboard> {
  return db.tx(ctx, async (sql) => ({
    services: await adminServices.list(sql, municipalityId),
    providers: await adminProviders.list(sql, municipalityId),
    locations: await adminLocations.list(sql, municipalityId),
    programmes: await adminProgrammes.list(sql, municipalityId),
  }));
}

const TABLES = { service: 'services', provider: 'providers', location: 'locations', programme: 'programmes' } as const;

/** A record's name and its versions, newest first; a record of another municipality is not found. */
export function entityHistory(db: Database, ctx: DbContext, municipalityId: string, entity: EntityType, id: string) {
  return db.tx(ctx, async (sql) => {
    const name = (await choices.names(sql, TABLES[entity], municipalityId, [id])).get(id);
    if (name === undefined) throw new AppError('not_found');
    return { name, rows: await history.of(sql, municipalityId, entity, id) };
  });
}
