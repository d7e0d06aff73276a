import { performance } from 'node:perf_hooks';
import type { CreateAttempt, UpdateAttempt } from './crash-check';
import type { Answer, Browser, Fields } from './live-browser';
import type { Random } from './live-random';
import { createServiceUrl, DEMO_SLUG, savedServiceId, serviceForm, serviceUrl, type ServiceChoices } from './live-staff';

/** What the simulated people of the load probe do: anonymous visitors, logged-in residents, staff saving services. */

const M = `/${DEMO_SLUG}`;
const QUERIES = [
  'opiekuńcze', 'opiekuncze seniorzy', 'asystent rodziny', 'asystent', 'warsztaty', 'pomoc psychologiczna', 'nordic walking',
  'mieszkanie treningowe', 'klub seniora', 'teleopieka', 'posiłek', 'kryzys', 'praca', 'świetlica', 'rodzina zastępcza',
  'szkoła rodzenia', 'wolontariat', 'kultura', 'ekologia', 'niepełnosprawność', 'zyrardow', 'xyz-nic-takiego', '',
];
const AREAS = ['', '', '', 'health', 'disability', 'family_support', 'social_assistance', 'culture', 'housing'];
const GROUPS = ['', '', '', 'seniors', 'families', 'children', 'people_with_disabilities', 'carers'];
const AGES = ['', '8', '17', '25', '45', '67', '80'];
const INCOME = ['', 'up_to_800', '801_1010', '1011_1500', '1501_2020', '2021_3000', 'over_3000', 'undisclosed'];

/** Every answer and its time; anything but the expected answer is an error (with a sample kept). */
export class Recorder {
  readonly times: number[] = [];
  readonly kinds: Record<string, number> = {};
  errors = 0;
  readonly samples: string[] = [];

  async call(kind: string, expected: number, send: () => Promise<Answer>): Promise<Answer | undefined> {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + 1;
    const started = performance.now();
    try {
      const answer = await send();
      this.times.push(answer.ms);
      if (answer.status !== expected) this.fail(`${kind}: ${answer.status} (expected ${expected}) ${answer.body.replace(/\s+/g, ' ').slice(0, 160)}`);
      return answer;
    } catch (err) {
      this.times.push(performance.now() - started);
      this.fail(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private fail(line: string): void {
    this.errors++;
    if (this.samples.length < 30) this.samples.push(line);
  }
}

export interface World {
  serviceIds: string[];
  choices: ServiceChoices;
  recorder: Recorder;
  creates: CreateAttempt[];
  updates: UpdateAttempt[];
}

function searchPath(rng: Random): string {
  const q = new URLSearchParams({ q: rng.pick(QUERIES) });
  const area = rng.pick(AREAS);
  const group = rng.pick(GROUPS);
  if (area) q.set('area', area);
  if (group) q.set('group', group);
  if (rng.next() < 0.15) q.set('free', '1');
  if (rng.next() < 0.1) q.set('step_free', '1');
  return `${M}/services?${q.toString()}`;
}

function checkAnswers(rng: Random): Fields {
  const size = rng.int(1, 5);
  return {
    age: rng.pick(AGES),
    residence: rng.pick(['', 'yes', 'no', 'not_sure']),
    household_size: String(size),
    children: size === 1 ? 'no' : rng.pick(['', 'yes', 'no']),
    income: rng.pick(INCOME),
    disability: rng.pick(['', 'yes', 'no', 'in_progress']),
    carer: rng.pick(['', 'yes', 'no']),
    work: rng.pick(['', 'working', 'unemployed', 'retired', 'studying', 'other']),
  };
}

/** One step of someone reading: the home page, the municipality, a search, a service, or the eligibility check. */
export async function readStep(b: Browser, rng: Random, w: World): Promise<void> {
  const r = w.recorder;
  const x = rng.next();
  if (x < 0.1) await r.call('home', 200, () => b.get('/'));
  else if (x < 0.2) await r.call('municipality', 200, () => b.get(M));
  else if (x < 0.55) await r.call('search', 200, () => b.get(searchPath(rng)));
  else if (x < 0.8) await r.call('service', 200, () => b.get(`${M}/services/${rng.pick(w.serviceIds)}`));
  else if ((await r.call('check form', 200, () => b.get(`${M}/check`))) && rng.next() < 0.8) {
    await r.call('check answers', 200, () => b.post(`${M}/check`, checkAnswers(rng)));
  }
}

/** A logged-in resident reads, and now and then joins the municipality again (an idempotent save). */
export async function residentStep(b: Browser, rng: Random, w: World): Promise<void> {
  if (rng.next() < 0.1) {
    if (await w.recorder.call('resident page', 200, () => b.get(M))) await w.recorder.call('resident join', 303, () => b.post(`${M}/join`, {}));
  } else {
    await readStep(b, rng, w);
  }
}

/** A coordinator opens the form, saves a new service and sees it, or edits one saved before. */
export class StaffUser {
  private readonly mine: { id: string; name: string; version: number; providerId: string; locationId: string }[] = [];
  private seq = 0;

  constructor(readonly prefix: string) {}

  async step(b: Browser, rng: Random, w: World): Promise<void> {
    const r = w.recorder;
    const s = this.mine.length > 0 && rng.next() < 0.3 ? rng.pick(this.mine) : undefined;
    if (s) {
      if (!(await r.call('staff edit form', 200, () => b.get(serviceUrl(s.id))))) return;
      const attempt: UpdateAttempt = { serviceId: s.id, summary: `wersja ${s.version + 1}`, outcome: 'unknown' };
      w.updates.push(attempt);
      const answer = await r.call('staff update', 303, () => b.post(serviceUrl(s.id), { ...serviceForm(s.name, attempt.summary, s.providerId, s.locationId), version: String(s.version) }));
      attempt.outcome = answer ? (savedServiceId(answer) === s.id ? 'acked' : 'refused') : 'unknown';
      if (attempt.outcome === 'acked') s.version++;
      else this.mine.splice(this.mine.indexOf(s), 1);
      return;
    }
    if (!(await r.call('staff new form', 200, () => b.get(`${M}/catalog/services/new`)))) return;
    const name = `${this.prefix}-${++this.seq}`;
    const providerId = rng.pick(w.choices.providerIds);
    const locationId = rng.pick(w.choices.locationIds);
    const attempt: CreateAttempt = { name, outcome: 'unknown' };
    w.creates.push(attempt);
    const answer = await r.call('staff create', 303, () => b.post(createServiceUrl, serviceForm(name, 'wersja 1', providerId, locationId)));
    const id = answer && savedServiceId(answer);
    attempt.outcome = answer ? (id ? 'acked' : 'refused') : 'unknown';
    if (!id) return;
    attempt.id = id;
    this.mine.push({ id, name, version: 1, providerId, locationId });
    await r.call('staff saved page', 200, () => b.get(serviceUrl(id)));
  }
}
