import { STAFF_ROLES } from '../src/platform/auth/roles';
import type { Catalogue, Columns } from './catalogue';
import { CASEWORK, type CaseworkSize, type Staffing } from './centre';
import { FIRST, LAST, residentEmail, type People } from './people';
import { Random } from './random';

export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();
/** The calendar day of an instant, YYYY-MM-DD (UTC: close enough to Warsaw's for generated dates). */
export const dayOf = (ms: number) => iso(ms).slice(0, 10);

const NEEDS = [
  'Potrzebuję pomocy w zakupach i przygotowaniu posiłków, po operacji biodra nie wychodzę sama z domu.',
  'Szukamy wsparcia asystenta rodziny: trójka dzieci, praca zmianowa, trudności z organizacją dnia.',
  'Mama ma 84 lata i mieszka sama; potrzebuje codziennej opieki przez kilka godzin.',
  'Chciałbym wrócić do pracy po długiej przerwie; proszę o udział w klubie integracji.',
  'Syn z niepełnosprawnością potrzebuje dowozu na zajęcia terapeutyczne.',
  'Po pożarze mieszkania potrzebujemy pomocy w znalezieniu lokalu i urządzeniu go.',
  'Prosimy o opiekę wytchnieniową na dwa tygodnie w lipcu — opiekujemy się ojcem całą dobę.',
  'Samotność po śmierci męża; chętnie wezmę udział w zajęciach klubu seniora.',
];
const REASONS = { declined: 'Usługa nie obejmuje tej potrzeby; zaproponowano inną formę wsparcia.', on_hold: 'Czekamy na zaświadczenie lekarskie.', forwarded: 'Sprawa należy do innego działu; mieszkaniec zgodził się na przekazanie.' };

/** An accepted application that opened a case: what the case takes from it. */
export interface Opening {
  id: string;
  resident: string;
  serviceId: string;
  serviceName: string;
  submittedMs: number;
  decidedMs: number;
  person: string;
  birthYear: number;
  representative: string;
  phone: string;
  email: string;
  coordinator: { id: string; teamId: string };
}

export interface Applications {
  /** The accepted applications that open the cases (each is joined to its case once the cases are in). */
  applications: Columns;
  /** The rest, loaded after the cases: those of a resident with a case name it (`case_id`, filled by the cases). */
  later_applications: Columns;
  application_consents: Columns;
}

/**
 * A municipality's applications, the same for the same seed (times relative to `now`): one accepted
 * application per case (resident n's case opens from resident n's application), then the queues —
 * waiting or on hold, places 1..n per service in order of submission, a few long queues and many short —
 * and declined, withdrawn and forwarded ones, each with the consent to processing given when applying.
 * `laterResidents` says, per later application, whose case it joins (the resident's index, or null).
 */
export function generateApplications(
  municipalityId: string, slug: string, size: CaseworkSize, seed: number, people: People, catalogue: Catalogue, staffing: Staffing, now: Date,
): Applications & { openings: Opening[]; laterResidents: (number | null)[] } {
  const r = new Random((seed + 0x4150504c) >>> 0);
  const n = CASEWORK[size];
  const nowMs = now.getTime();
  const columns = (): Columns => ({
    municipality_id: [], id: [], service_id: [], applicant_id: [], applicant_name: [], beneficiary_name: [], beneficiary_birth_year: [], relation: [],
    contact_phone: [], contact_email: [], need: [], channel: [], registered_by: [], status: [], status_reason: [], forwarded_to: [], queue_position: [],
    submitted_at: [], decided_at: [],
  });
  const a: Applications = {
    applications: columns(),
    later_applications: { ...columns(), case_id: [] },
    application_consents: { municipality_id: [], id: [], application_id: [], purpose: [], given_at: [] },
  };
  const services = catalogue.services;
  const active = (services.id as string[]).flatMap((id, i) => (services.status![i] === 'active' ? [{ id, name: String(services.name![i]) }] : []));
  const queued = r.some(active, Math.max(5, Math.round(n.cases / 100)));
  const ids = people.users.id as string[];
  const names = people.users.display_name as string[];
  const residents = ids.length - STAFF_ROLES.length;
  const phone = () => `${r.int(500, 899)} ${r.int(100, 999)} ${r.int(100, 999)}`;
  const add = (row: Record<string, unknown>, submittedMs: number, into = a.applications) => {
    const id = r.uuid();
    for (const [k, v] of Object.entries({ municipality_id: municipalityId, id, ...row, submitted_at: iso(submittedMs) })) into[k]!.push(v);
    for (const [k, v] of Object.entries({ municipality_id: municipalityId, id: r.uuid(), application_id: id, purpose: 'cus_processing', given_at: iso(submittedMs) })) a.application_consents[k]!.push(v);
    return id;
  };
  const person = (k: number) => ({ id: ids[STAFF_ROLES.length + k]!, name: names[STAFF_ROLES.length + k]!, email: residentEmail(slug, k) });

  const openings: Opening[] = [];
  for (let k = 0; k < n.cases; k++) {
    const applicant = person(k);
    const relation = r.pick(['self', 'self', 'self', 'self', 'self', 'self', 'parent', 'parent', 'child', 'ward'] as const);
    const beneficiary = relation === 'self' ? applicant.name : `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const birthYear = relation === 'self' ? r.int(1935, 2004) : relation === 'child' ? r.int(2008, 2022) : r.int(1930, 1958);
    const daysAgo = r.int(20, 1095);
    const submittedMs = nowMs - daysAgo * DAY - r.int(0, DAY - 1);
    const decidedMs = submittedMs + r.int(1, Math.min(45, daysAgo - 2)) * DAY + r.int(0, DAY / 2);
    const service = r.chance(0.5) ? r.pick(queued) : r.pick(active);
    const coordinator = r.pick(staffing.coordinators);
    const channel = r.pick(['online', 'online', 'online', 'in_person', 'in_person', 'phone'] as const);
    const tel = r.chance(0.7) ? phone() : '';
    const id = add({
      service_id: service.id, applicant_id: applicant.id, applicant_name: applicant.name, beneficiary_name: beneficiary, beneficiary_birth_year: birthYear,
      relation, contact_phone: tel, contact_email: applicant.email, need: r.pick(NEEDS), channel, registered_by: channel === 'online' ? null : coordinator.id,
      status: 'accepted', status_reason: '', forwarded_to: null, queue_position: null, decided_at: iso(decidedMs),
    }, submittedMs);
    openings.push({
      id, resident: applicant.id, serviceId: service.id, serviceName: service.name, submittedMs, decidedMs, person: beneficiary, birthYear,
      representative: relation === 'self' ? '' : applicant.name, phone: tel, email: applicant.email, coordinator,
    });
  }

  // The rest: in a queue (60 %), declined, withdrawn, forwarded — by residents who mostly have a case already.
  const laterResidents: (number | null)[] = [];
  const queues = new Map<string, { row: number; at: number }[]>();
  for (let k = n.cases; k < n.applications; k++) {
    const who = r.int(0, residents - 1);
    const applicant = person(who);
    const roll = r.next();
    const status = roll < 0.54 ? 'waiting' : roll < 0.6 ? 'on_hold' : roll < 0.84 ? 'declined' : roll < 0.96 ? 'withdrawn' : 'forwarded';
    const inQueue = status === 'waiting' || status === 'on_hold';
    // Long queues at a few services, short ones at most: the square bends the draw towards the first.
    const service = inQueue ? queued[Math.floor(queued.length * r.next() ** 2)]! : r.pick(active);
    const submittedMs = nowMs - (inQueue ? r.int(1, 365) : r.int(10, 1000)) * DAY - r.int(0, DAY - 1);
    const decidedMs = inQueue ? null : Math.min(submittedMs + r.int(1, 30) * DAY, nowMs - DAY);
    const row = a.later_applications.id!.length;
    add({
      service_id: service.id, applicant_id: applicant.id, applicant_name: applicant.name, beneficiary_name: applicant.name, beneficiary_birth_year: r.int(1935, 2004),
      relation: 'self', contact_phone: '', contact_email: applicant.email, need: r.pick(NEEDS), channel: 'online', registered_by: null, status,
      status_reason: status === 'declined' || status === 'on_hold' || status === 'forwarded' ? REASONS[status] : '',
      forwarded_to: status === 'forwarded' ? r.pick(staffing.units).id : null, queue_position: null, decided_at: decidedMs === null ? null : iso(decidedMs),
      case_id: null,
    }, submittedMs, a.later_applications);
    if (inQueue) {
      const queue = queues.get(service.id) ?? [];
      if (queue.length === 0) queues.set(service.id, queue);
      queue.push({ row, at: submittedMs });
    }
    laterResidents.push(who < n.cases ? who : null);
  }
  // Places in order of submission, 1..n without gaps per service.
  for (const entries of queues.values()) {
    entries.sort((x, y) => x.at - y.at).forEach((e, i) => (a.later_applications.queue_position![e.row] = i + 1));
  }
  return { ...a, openings, laterResidents };
}
