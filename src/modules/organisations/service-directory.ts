import type { DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { Kind, Sphere } from './domain';
import { directory, type DirectoryRow, type PublicProfileRow } from './repository-directory';
import { federations } from './repository-members';
import type { OrganisationsDeps } from './service';

export const PAGE_SIZE = 20;
export const MAX_PAGE = 1000;

export interface DirectoryFilter {
  q: string;
  sphere?: Sphere;
  kind?: Kind;
  page: number;
}

export interface DirectoryResults {
  rows: DirectoryRow[];
  total: number;
  page: number;
  pages: number;
}

/** One page of the public directory of verified organisations. */
export async function searchDirectory(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, f: DirectoryFilter): Promise<DirectoryResults> {
  const { rows, total } = await deps.db.tx(ctx, (sql) =>
    directory.search(sql, municipalityId, { q: f.q, sphere: f.sphere, kind: f.kind }, { limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE }),
  );
  return { rows, total, page: f.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * A verified organisation as anyone may see it: contact details blanked unless the organisation chose
 * to publish them; its federations, and a federation's member organisations.
 */
export async function publicProfile(deps: OrganisationsDeps, ctx: DbContext, municipalityId: string, id: string) {
  return deps.db.tx(ctx, async (sql) => {
    const row = await directory.profile(sql, municipalityId, id);
    if (!row) throw new AppError('not_found');
    const shown = new Set(row.published_contacts);
    const organisation: PublicProfileRow = {
      ...row,
      email: shown.has('email') ? row.email : '',
      phone: shown.has('phone') ? row.phone : '',
      street: shown.has('address') ? row.street : '',
      postal_code: shown.has('address') ? row.postal_code : '',
    };
    return {
      organisation,
      federations: await federations.of(sql, municipalityId, id),
      members: row.kind === 'federation' ? await federations.members(sql, municipalityId, id, true) : [],
    };
  });
}
