import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { PersonalDataSection } from '../../platform/module';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { ownLabels } from './reads-text';
import { hub } from './repository-hub';
import { reads, type ReadEntry } from './repository-reads';
import { subject } from './repository-subject';
import type { MyDataDeps } from './routes-common';

/** The export's format and version: field names are English and stable; a change of shape is a new version. */
export const MY_DATA_FORMAT = 'wspolnota.my-data/1';

/**
 * Everything the municipality holds about the person and shows them: the account and its roles here,
 * each module's section (applications, cases, plans, referrals, documents, meeting answers, room bookings,
 * organisation memberships — every module reads its own tables), and who of the staff read their data.
 */
async function gather(deps: MyDataDeps, sql: Sql, municipality: MunicipalityRow, userId: string) {
  const m = municipality.id;
  const account = await subject.account(sql, userId);
  if (!account) throw new AppError('not_found');
  const membership = await subject.membership(sql, m, userId);
  const sections: PersonalDataSection[] = await deps.personalData(sql, { municipalityId: m, userId });
  const readList: ReadEntry[] = await reads.page(sql, m, userId, 10_000, 0);
  const labels = ownLabels(await hub.labels(sql, m, userId));
  return { account, membership, sections, readList, labels };
}

export type Gathered = Awaited<ReturnType<typeof gather>>;

/** One section's records (none when no module gave it). */
export const sectionOf = <T>(g: Gathered, name: string): T[] => (g.sections.find((s) => s.section === name)?.records ?? []) as T[];

/** The JSON export: stable English field names (a section's name is its key), dates as ISO 8601 instants, days as YYYY-MM-DD. */
export function myDataJson(g: Gathered, municipality: MunicipalityRow, now: Date) {
  return {
    format: MY_DATA_FORMAT,
    generated_at: now.toISOString(),
    municipality: { name: municipality.name, centre: municipality.cus_name, slug: municipality.slug },
    account: { name: g.account.display_name, email: g.account.email, language: g.account.locale, created_at: g.account.created_at },
    membership: g.membership ? { roles: g.membership.roles, since: g.membership.created_at } : null,
    ...Object.fromEntries(g.sections.map((s) => [s.section, s.records])),
    reads: g.readList.map((e) => ({ at: e.occurred_at, reader: e.reader, reader_roles: e.roles ?? [], action: e.action, subject_type: e.subject_type, purpose: e.purpose, reason: e.reason, applications: e.applications, cases: e.cases, documents: e.documents })),
  };
}

export type MyDataJson = ReturnType<typeof myDataJson>;

/** Gathers the person's data for a download and audits it (`my_data.download`, the person themselves). */
export async function downloadMyData(deps: MyDataDeps, ctx: DbContext, municipality: MunicipalityRow, actor: AuditActor, format: 'json' | 'pdf'): Promise<Gathered> {
  return deps.db.tx(ctx, async (sql) => {
    const data = await gather(deps, sql, municipality, actor.userId!);
    await audit(sql, municipality.id, actor, { action: 'my_data.download', subjectType: 'user', subjectId: actor.userId!, details: { format } });
    return data;
  });
}
