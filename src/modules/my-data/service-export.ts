import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext, Sql } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { ownLabels } from './reads-text';
import { hub } from './repository-hub';
import { reads, type ReadEntry } from './repository-reads';
import { subject } from './repository-subject';
import { care } from './repository-subject-care';
import type { MyDataDeps } from './routes-common';

/** The export's format and version: field names are English and stable; a change of shape is a new version. */
export const MY_DATA_FORMAT = 'wspolnota.my-data/1';

const byParent = <R, K extends keyof R>(rows: R[], key: K) => {
  const map = new Map<R[K], Omit<R, K>[]>();
  for (const r of rows) {
    const { [key]: parent, ...rest } = r;
    map.set(parent, [...(map.get(parent) ?? []), rest]);
  }
  return (id: R[K]) => map.get(id) ?? [];
};

/** Everything the municipality holds about the person. */
async function gather(sql: Sql, municipality: MunicipalityRow, userId: string) {
  const m = municipality.id;
  const account = await subject.account(sql, userId);
  if (!account) throw new AppError('not_found');
  const [membership, applications, consents, events, cases, documents] = [
    await subject.membership(sql, m, userId), await subject.applications(sql, m, userId), await subject.consents(sql, m, userId),
    await subject.events(sql, m, userId), await subject.cases(sql, m, userId), await subject.documents(sql, m, userId),
  ];
  const [plans, goals, services, commitments, reviews, notes] = [
    await care.plans(sql, m, userId), await care.goals(sql, m, userId), await care.services(sql, m, userId),
    await care.commitments(sql, m, userId), await care.reviews(sql, m, userId), await care.notes(sql, m, userId),
  ];
  const [referrals, referralEvents, deliveries] = [await care.referrals(sql, m, userId), await care.referralEvents(sql, m, userId), await care.deliveries(sql, m, userId)];
  const readList: ReadEntry[] = await reads.page(sql, m, userId, 10_000, 0);
  const labels = ownLabels(await hub.labels(sql, m, userId));
  return { account, membership, applications, consents, events, cases, documents, plans, goals, services, commitments, reviews, notes, referrals, referralEvents, deliveries, readList, labels };
}

export type Gathered = Awaited<ReturnType<typeof gather>>;

/** The JSON export: stable English field names, dates as ISO 8601 instants, days as YYYY-MM-DD. */
export function myDataJson(g: Gathered, municipality: MunicipalityRow, now: Date) {
  const consentsOf = byParent(g.consents.map(({ service_name: _s, application_status: _a, in_queue: _q, in_open_case: _c, ...c }) => c), 'application_id');
  const historyOf = byParent(g.events, 'application_id');
  const [goals, services, commitments, reviews, notes] = [byParent(g.goals, 'plan_id'), byParent(g.services, 'plan_id'), byParent(g.commitments, 'plan_id'), byParent(g.reviews, 'plan_id'), byParent(g.notes, 'plan_id')];
  const [eventsOf, deliveriesOf] = [byParent(g.referralEvents, 'referral_id'), byParent(g.deliveries, 'referral_id')];
  return {
    format: MY_DATA_FORMAT,
    generated_at: now.toISOString(),
    municipality: { name: municipality.name, centre: municipality.cus_name, slug: municipality.slug },
    account: { name: g.account.display_name, email: g.account.email, language: g.account.locale, created_at: g.account.created_at },
    membership: g.membership ? { roles: g.membership.roles, since: g.membership.created_at } : null,
    applications: g.applications.map((a) => ({ ...a, consents: consentsOf(a.id), history: historyOf(a.id) })),
    cases: g.cases.map(({ unit_name, unit_phone, unit_email, unit_address, coordinator_name, ...c }) => ({
      ...c,
      coordinator: coordinator_name,
      unit: unit_name ? { name: unit_name, phone: unit_phone, email: unit_email, address: unit_address } : null,
    })),
    plans: g.plans.map((p) => ({ ...p, goals: goals(p.id), services: services(p.id), commitments: commitments(p.id), reviews: reviews(p.id), notes: notes(p.id) })),
    referrals: g.referrals.map((r) => ({ ...r, events: eventsOf(r.id), deliveries: deliveriesOf(r.id) })),
    documents: g.documents.map(({ uploaded_by: _u, ...d }) => d),
    reads: g.readList.map((e) => ({ at: e.occurred_at, reader: e.reader, reader_roles: e.roles ?? [], action: e.action, subject_type: e.subject_type, purpose: e.purpose, reason: e.reason, applications: e.applications, cases: e.cases, documents: e.documents })),
  };
}

export type MyDataJson = ReturnType<typeof myDataJson>;

/** Gathers the person's data for a download and audits it (`my_data.download`, the person themselves). */
export async function downloadMyData(deps: MyDataDeps, ctx: DbContext, municipality: MunicipalityRow, actor: AuditActor, format: 'json' | 'pdf'): Promise<Gathered> {
  return deps.db.tx(ctx, async (sql) => {
    const data = await gather(sql, municipality, actor.userId!);
    await audit(sql, municipality.id, actor, { action: 'my_data.download', subjectType: 'user', subjectId: actor.userId!, details: { format } });
    return data;
  });
}
