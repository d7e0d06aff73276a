import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { assertVersion, expectUpdated } from '../../platform/http/conflict';
import { AppError, validationError } from '../../platform/http/errors';
import type { CategoryRow } from './domain';
import { categories } from './repository';
import { categoryAdmin, type CategoryWithCount } from './repository-categories';
import type { AnnouncementsDeps } from './service';

/**
 * A category's address from its name: Polish letters without their marks ("Wydarzenia kulturalne" →
 * "wydarzenia-kulturalne"). Given once, at creation: a rename keeps it, so feeds and links keep working.
 */
export function categorySlug(name: string): string {
  return name
    .toLocaleLowerCase('pl')
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

/** Every category of the municipality (the standard ones added on first use), retired last, with its announcements counted. */
export async function categoriesForStaff(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string): Promise<CategoryWithCount[]> {
  return deps.db.tx(ctx, async (sql) => {
    await categories.ensure(sql, municipalityId);
    return categoryAdmin.listWithCounts(sql, municipalityId);
  });
}

async function categoryOr404(sql: Sql, municipalityId: string, id: string, lock = false): Promise<CategoryRow> {
  const c = await categoryAdmin.find(sql, municipalityId, id, lock);
  if (!c) throw new AppError('not_found');
  return c;
}

export const categoryForEdit = (deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string) => deps.db.tx(ctx, (sql) => categoryOr404(sql, municipalityId, id));

/** A new category: its name must be new in the municipality, and its address (from the name) free. */
export async function addCategory(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, name: string, actor: AuditActor): Promise<CategoryRow> {
  const slug = categorySlug(name);
  if (slug.length < 2) throw validationError({ name: { code: 'announcement_category_name' } });
  return deps.db.tx(ctx, async (sql) => {
    await categories.ensure(sql, municipalityId);
    if (await categoryAdmin.nameTaken(sql, municipalityId, name, null)) throw validationError({ name: { code: 'announcement_category_taken' } });
    const id = await categoryAdmin.insert(sql, municipalityId, slug, name);
    if (!id) throw validationError({ name: { code: 'announcement_category_taken' } });
    await audit(sql, municipalityId, actor, { action: 'announcement_category.created', subjectType: 'announcement_category', subjectId: id, details: { slug } });
    return (await categoryAdmin.find(sql, municipalityId, id))!;
  });
}

/** A new name on the version seen (someone else's save in between: conflict.stale); the address stays. */
export async function renameCategory(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, name: string, version: number, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const c = await categoryOr404(sql, municipalityId, id, true);
    assertVersion(c, version);
    if (await categoryAdmin.nameTaken(sql, municipalityId, name, id)) throw validationError({ name: { code: 'announcement_category_taken' } });
    expectUpdated(await categoryAdmin.rename(sql, municipalityId, id, name, version));
    await audit(sql, municipalityId, actor, { action: 'announcement_category.renamed', subjectType: 'announcement_category', subjectId: id, details: { version: version + 1 } });
  });
}

/**
 * Retiring keeps the category and its announcements (pages, its feed, the change registers): it is only
 * no longer offered for new announcements and subscriptions. Restoring offers it again.
 */
export async function retireCategory(deps: AnnouncementsDeps, ctx: DbContext, municipalityId: string, id: string, retired: boolean, version: number, actor: AuditActor): Promise<CategoryRow> {
  return deps.db.tx(ctx, async (sql) => {
    const c = await categoryOr404(sql, municipalityId, id, true);
    assertVersion(c, version);
    expectUpdated(await categoryAdmin.setRetired(sql, municipalityId, id, retired, version));
    await audit(sql, municipalityId, actor, { action: retired ? 'announcement_category.retired' : 'announcement_category.restored', subjectType: 'announcement_category', subjectId: id });
    return c;
  });
}
