import type { Database, DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { AREAS, type Area } from './domain';
import { programmes, type ProgrammeServiceRow, type PublicProgrammeRow } from './repository-programmes';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AreaGroup {
  area: Area;
  services: ProgrammeServiceRow[];
}

export interface ProgrammeDetails {
  programme: PublicProgrammeRow;
  /** All 14 statutory areas in the act's order, each with the programme's services in it (possibly none). */
  areas: AreaGroup[];
}

/** The services grouped by statutory area, in the order of the act (art. 2 of the act of 19 July 2019). */
export function groupByArea(services: ProgrammeServiceRow[]): AreaGroup[] {
  return AREAS.map((area) => ({ area, services: services.filter((s) => s.area === area) }));
}

/** The municipality's programmes the public may see, newest first. */
export async function publicProgrammes(db: Database, ctx: DbContext, municipalityId: string): Promise<PublicProgrammeRow[]> {
  return db.tx(ctx, (sql) => programmes.listPublic(sql, municipalityId));
}

/** A programme the public may see with its services; not found for malformed ids, drafts and other municipalities' programmes. */
export async function publicProgramme(db: Database, ctx: DbContext, municipalityId: string, id: string): Promise<ProgrammeDetails> {
  if (!UUID.test(id)) throw new AppError('not_found');
  return db.tx(ctx, async (sql) => {
    const programme = await programmes.publicOne(sql, municipalityId, id.toLowerCase());
    if (!programme) throw new AppError('not_found');
    return { programme, areas: groupByArea(await programmes.services(sql, municipalityId, programme.id)) };
  });
}
