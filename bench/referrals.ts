import type { Columns } from './catalogue';
import { CASEWORK, type CaseworkSize, type Staffing } from './centre';
import { DAY, dayOf, iso } from './applications';
import type { CaseFacts } from './cases';
import type { Organisations } from './organisations';
import { Random } from './random';

export interface Referrals {
  /** Consents to share with the named provider, one per referral (table application_consents). */
  sharing_consents: Columns;
  referrals: Columns;
  referral_deliveries: Columns;
}

const HOUR = 3_600_000;
const OUTCOMES = ['Cel osiągnięty: mieszkanka samodzielnie robi zakupy.', 'Usługa zrealizowana w pełnym zakresie.', 'Rodzina korzysta dalej z grupy wsparcia.'];
const NOTES = ['', '', '', '', '', '', 'Wizyta przesunięta na prośbę mieszkańca.', 'Zajęcia w grupie.', 'Dowóz na rehabilitację.', 'Rozmowa telefoniczna.'];

/**
 * Referrals of cases to providers — a unit of the centre (a third) or a verified organisation — each on
 * a consent to share with that provider given shortly before; statuses with their times (sent, accepted
 * within hours to days, in progress, completed with an outcome, rejected or cancelled with a reason),
 * answering within 14 days; then `deliveries` delivery records spread over the referrals being or having
 * been delivered, on days between acceptance and completion (or today): minutes or units, recorded by
 * the case's coordinator (units) or the organisation's administrator. The same for the same seed.
 */
export function generateReferrals(
  municipalityId: string, size: CaseworkSize, seed: number, facts: CaseFacts[], organisations: Organisations, staffing: Staffing, now: Date,
): Referrals {
  const r = new Random((seed + 0x52454652) >>> 0);
  const n = CASEWORK[size];
  const nowMs = now.getTime();
  const out: Referrals = {
    sharing_consents: { municipality_id: [], id: [], application_id: [], purpose: [], recipient: [], recipient_unit_id: [], recipient_organisation_id: [], given_at: [] },
    referrals: {
      municipality_id: [], id: [], case_id: [], application_id: [], provider_kind: [], unit_id: [], organisation_id: [], service_id: [], service_label: [],
      shared_details: [], consent_id: [], status: [], status_reason: [], respond_by: [], sent_by: [], sent_at: [], accepted_at: [], completed_at: [], outcome: [],
    },
    referral_deliveries: { municipality_id: [], referral_id: [], delivered_on: [], minutes: [], units: [], note: [], recorded_by: [], created_at: [] },
  };
  const push = (t: Columns, row: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(row)) t[k]!.push(v);
  };
  const o = organisations.organisations;
  const verified = (o.id as string[]).flatMap((id, i) => (o.status![i] === 'verified' ? [{ id, name: String(o.name![i]), admin: String(o.registered_by![i]) }] : []));
  const delivering: { id: string; fromMs: number; toMs: number; recorder: string }[] = [];

  for (let k = 0; k < n.referrals; k++) {
    const f = r.pick(facts);
    const unit = r.chance(1 / 3) ? r.pick(staffing.units) : null;
    const org = unit ? null : r.pick(verified);
    const endMs = f.closedMs ?? nowMs;
    const sentMs = f.openedMs + Math.floor(r.next() * Math.max(0, endMs - f.openedMs - HOUR));
    const roll = r.next();
    const status = f.closedMs !== null ? (roll < 0.75 ? 'completed' : roll < 0.9 ? 'cancelled' : 'rejected')
      : roll < 0.08 ? 'sent' : roll < 0.18 ? 'accepted' : roll < 0.26 ? 'rejected' : roll < 0.68 ? 'in_progress' : roll < 0.95 ? 'completed' : 'cancelled';
    const accepted = status !== 'sent' && status !== 'rejected' && !(status === 'cancelled' && r.chance(0.5));
    const acceptedMs = accepted ? Math.min(sentMs + r.int(1, 240) * HOUR, endMs - 1) : null;
    const completedMs = status === 'completed' ? Math.min(acceptedMs! + r.int(14, 180) * DAY, endMs) : null;
    const consentId = r.uuid();
    push(out.sharing_consents, {
      municipality_id: municipalityId, id: consentId, application_id: f.opening.id, purpose: 'provider_sharing', recipient: unit?.name ?? org!.name,
      recipient_unit_id: unit?.id ?? null, recipient_organisation_id: org?.id ?? null, given_at: iso(Math.max(f.opening.submittedMs, sentMs - r.int(0, 3) * DAY)),
    });
    const id = r.uuid();
    push(out.referrals, {
      municipality_id: municipalityId, id, case_id: f.id, application_id: f.opening.id, provider_kind: unit ? 'unit' : 'organisation', unit_id: unit?.id ?? null,
      organisation_id: org?.id ?? null, service_id: f.opening.serviceId, service_label: f.opening.serviceName.slice(0, 300),
      shared_details: 'Zakres usługi i dane kontaktowe; bez informacji o zdrowiu.', consent_id: consentId, status,
      status_reason: status === 'rejected' ? 'Brak wolnych miejsc w tym terminie.' : status === 'cancelled' ? 'Mieszkaniec zrezygnował z usługi.' : '',
      respond_by: dayOf(sentMs + 14 * DAY), sent_by: f.opening.coordinator.id, sent_at: iso(sentMs), accepted_at: acceptedMs === null ? null : iso(acceptedMs),
      completed_at: completedMs === null ? null : iso(completedMs), outcome: completedMs === null ? '' : r.pick(OUTCOMES),
    });
    if (status === 'in_progress' || status === 'completed') delivering.push({ id, fromMs: acceptedMs!, toMs: completedMs ?? nowMs, recorder: unit ? f.opening.coordinator.id : org!.admin });
  }

  // Every delivering referral gets its share of the records, on days spread from acceptance to the end.
  const each = Math.floor(n.deliveries / Math.max(1, delivering.length));
  const extra = n.deliveries - each * delivering.length;
  delivering.forEach((d, j) => {
    const count = each + (j < extra ? 1 : 0);
    const span = Math.max(0, d.toMs - d.fromMs);
    for (let i = 0; i < count; i++) {
      const at = d.fromMs + Math.floor(((i + r.next()) * span) / count);
      const minutes = r.chance(0.6);
      push(out.referral_deliveries, {
        municipality_id: municipalityId, referral_id: d.id, delivered_on: dayOf(at), minutes: minutes ? r.pick([30, 45, 60, 90, 120, 180]) : null,
        units: minutes ? null : String(r.int(1, 8)), note: r.pick(NOTES), recorded_by: d.recorder, created_at: iso(Math.min(at + 2 * HOUR, nowMs)),
      });
    }
  });
  return out;
}
