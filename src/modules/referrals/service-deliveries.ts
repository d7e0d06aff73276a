import type { CaseViewer } from '../cases';
import { audit, type AuditActor } from '../../platform/audit/audit';
import type { DbContext } from '../../platform/db/types';
import { AppError, validationError } from '../../platform/http/errors';
import { warsawDay } from '../../platform/time';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import { isActive, type ProviderRef } from './domain';
import type { DeliveryInput } from './form';
import { deliveries } from './repository-records';
import type { ReferralsDeps } from './service-send';
import { moveStatus, referralForProviderWrite } from './service-status';

/**
 * The provider records what it delivered: only while the resident's consent stands (the one rule of
 * provider writes: `referral.consent_withdrawn`), only on an accepted or started referral (`referral.not_active`),
 * on a day from the referral's sending to today. The first delivery of an accepted referral starts it.
 */
export async function recordDelivery(deps: ReferralsDeps, ctx: DbContext, m: MunicipalityRow, viewer: CaseViewer, provider: ProviderRef, id: string, input: DeliveryInput, actor: AuditActor): Promise<void> {
  await deps.db.tx(ctx, async (sql) => {
    const r = await referralForProviderWrite(sql, m, viewer, provider, id);
    if (!isActive(r.status)) throw new AppError('referral.not_active');
    const sentOn = warsawDay(new Date(r.sent_at));
    if (input.deliveredOn < sentOn) throw validationError({ delivered_on: { code: 'referral_delivery_before_sent', params: { day: sentOn } } });
    const deliveryId = await deliveries.add(sql, m.id, r.id, input, actor.userId!);
    await audit(sql, m.id, actor, { action: 'referral.delivery_recorded', subjectType: 'referral', subjectId: r.id, details: { cases: [r.case_id], ids: [r.id], delivery: deliveryId } });
    if (r.status === 'accepted') await moveStatus(sql, m, r, 'in_progress', '', actor);
  });
}
