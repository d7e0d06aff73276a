import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import type { CapacityInput } from './form';
import { applications } from './repository';
import { queues } from './repository-queue';
import { capacity } from './repository-records';
import type { ApplicationsDeps } from './service-apply';

/** Places per service per period: a service's periods and what was accepted within each. */
export async function capacityPage(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, serviceId: string) {
  return deps.db.tx(ctx, async (sql) => {
    const service = await applications.service(sql, municipalityId, serviceId);
    if (!service) throw new AppError('not_found');
    return { service, periods: await capacity.ofService(sql, municipalityId, serviceId) };
  });
}

/** A new period of places; one overlapping another period of the service is refused on its dates. */
export async function addPeriod(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, serviceId: string, input: CapacityInput, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const service = await applications.service(sql, municipalityId, serviceId);
    if (!service) throw new AppError('not_found');
    // The queue's lock also serialises the service's periods: the overlap check below cannot race.
    await queues.lock(sql, municipalityId, serviceId);
    const id = await capacity.insert(sql, municipalityId, serviceId, input.periodFrom, input.periodTo, input.places, actor.userId!);
    if (!id) throw validationError({ period_from: { code: 'application_period_overlap' } });
    await audit(sql, municipalityId, actor, { action: 'application.capacity_set', subjectType: 'service', subjectId: serviceId, details: { period: id, ...input } });
  });
}

/** Changes a period's places, or removes the period (`places` null), on the version shown. */
export async function changePeriod(deps: ApplicationsDeps, ctx: DbContext, municipalityId: string, serviceId: string, id: string, version: number, places: number | null, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const period = await capacity.find(sql, municipalityId, id);
    if (!period || period.service_id !== serviceId) throw new AppError('not_found');
    const done = places === null ? await capacity.remove(sql, municipalityId, id, version) : await capacity.setPlaces(sql, municipalityId, id, version, places);
    if (!done) throw new AppError('conflict.stale');
    await audit(sql, municipalityId, actor, {
      action: places === null ? 'application.capacity_removed' : 'application.capacity_changed',
      subjectType: 'service',
      subjectId: period.service_id,
      details: { period: id, from: period.places, to: places },
    });
  });
}
