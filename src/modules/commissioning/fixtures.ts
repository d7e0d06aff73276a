import crypto from 'node:crypto';
import type { Sql } from '../../platform/db/types';
import type { MunicipalityRow } from '../../platform/tenancy/repository';
import type { CostLine, DecisionKind } from './domain';
import { announceCall, announceResults } from './publish';
import { calls, offers, versions } from './repository';
import { contentOf } from './service';
import { createAgreementIn } from './service-agreements';
import { changes, reports, submissions, terms } from './repository-agreements';

const line = (name: string, grant: number, own_financial: number, own_in_kind: number, volunteer: number): CostLine =>
  ({ name, total: (grant + own_financial + own_in_kind + volunteer) * 100, grant: grant * 100, own_financial: own_financial * 100, own_in_kind: own_in_kind * 100, volunteer: volunteer * 100 });

interface DemoOffer { org: string; title: string; description: string; results: string; schedule: [string, string, string][]; lines: CostLine[]; decision: DecisionKind; amount?: number; reasons: string }

const RESOLVED: DemoOffer[] = [
  {
    org: 'Trzeciego Wieku', title: 'Aktywny senior w Żyrardowie 2026', decision: 'awarded', amount: 36_000, reasons: 'Oferta uzyskała 86 pkt na 100: doświadczenie oferenta, realny harmonogram, wysoki wkład pracy wolontariuszy.',
    description: 'Zajęcia ruchowe, warsztaty komputerowe i spotkania z cyklu „Żyrardów dawniej” dla 120 mieszkańców w wieku 60+, w sali Uniwersytetu przy ul. 1 Maja 20.',
    results: '120 uczestników, 300 godzin zajęć, 8 spotkań otwartych; ankieta satysfakcji na zakończenie.',
    schedule: [['Nabór uczestników', '2026-03-02', '2026-03-20'], ['Zajęcia ruchowe i komputerowe', '2026-03-23', '2026-11-27'], ['Spotkania „Żyrardów dawniej”', '2026-04-01', '2026-11-30']],
    lines: [line('Wynagrodzenie instruktorów', 24_000, 1_500, 0, 0), line('Materiały i wynajem sprzętu', 6_000, 500, 1_200, 0), line('Koordynacja i praca wolontariuszy', 8_000, 0, 0, 4_800)],
  },
  {
    org: 'Dom przy Lnianej', title: 'Wytchnienie dla opiekunów seniorów', decision: 'awarded', amount: 30_000, reasons: 'Oferta uzyskała 81 pkt na 100; dotacja niższa od wnioskowanej — zadanie w mniejszym zakresie godzin.',
    description: 'Opieka wytchnieniowa w domu seniora (do 8 godzin w tygodniu) dla 15 rodzin, grupa wsparcia dla opiekunów raz w miesiącu.',
    results: '15 rodzin, 1 200 godzin opieki wytchnieniowej, 10 spotkań grupy wsparcia.',
    schedule: [['Rekrutacja rodzin', '2026-03-02', '2026-03-31'], ['Opieka wytchnieniowa', '2026-04-01', '2026-12-15']],
    lines: [line('Wynagrodzenie opiekunów', 32_000, 2_000, 0, 0), line('Grupa wsparcia (psycholog, sala)', 4_000, 0, 1_000, 1_500)],
  },
  {
    org: 'Caritas', title: 'Seniorzy w sąsiedztwie', decision: 'formally_rejected', reasons: 'Oferta złożona bez wymaganego oświadczenia o braku zaległości wobec gminy (rozdział VI ust. 3 ogłoszenia) i niepoprawiona w terminie 7 dni.',
    description: 'Odwiedziny wolontariuszy u samotnych seniorów, dowóz posiłków.', results: '40 seniorów odwiedzanych co tydzień.',
    schedule: [['Odwiedziny', '2026-03-15', '2026-12-20']], lines: [line('Dowóz posiłków', 12_000, 1_000, 0, 3_000)],
  },
];

/**
 * The demo's commissioning (Żyrardów): the 2026 call for seniors' activity, resolved, its results
 * published; and a call open now (closing in 25 days) with a draft of the federation "DZIAŁAJ.MY".
 */
export async function seedCommissioningFixtures(sql: Sql, m: MunicipalityRow, people: { officer?: string; representative?: string; publicUrl?: string } = {}): Promise<void> {
  const url = people.publicUrl ?? '';
  const orgId = async (name: string) => (await sql.query<{ id: string }>("SELECT id FROM organisations WHERE municipality_id = $1 AND name LIKE $2 AND status = 'verified' LIMIT 1", [m.id, `%${name}%`]))[0]?.id;
  const officer = people.officer ?? null;
  const closed = await calls.insert(sql, m.id, {
    title: 'Aktywizacja i wsparcie osób starszych w 2026 roku', sphere: 'seniors', service_ids: [], total_amount: 12_000_000, grant_ceiling: 4_000_000, min_own_basis_points: 1000,
    tasks: 'Zadanie 1: zajęcia aktywizujące dla mieszkańców w wieku 60+. Zadanie 2: opieka wytchnieniowa dla opiekunów osób starszych.',
    criteria: [{ name: 'Możliwość realizacji zadania przez oferenta', weight: 30 }, { name: 'Kalkulacja kosztów', weight: 25 }, { name: 'Jakość działań i kwalifikacje osób', weight: 25 }, { name: 'Wkład własny i praca wolontariuszy', weight: 20 }],
    rules: 'Dotacja może pokryć do 90% kosztów zadania. Zadanie realizuje się od 1 marca do 15 grudnia 2026 r. Oferty ocenia komisja konkursowa w ciągu 14 dni od terminu składania ofert.',
    offers_close_at: new Date('2026-02-10T14:00:00Z'),
  }, officer);
  await sql.query(
    "UPDATE commissioning_calls SET status = 'published', published_at = '2026-01-15T09:00:00Z' WHERE municipality_id = $1 AND id = $2",
    [m.id, closed],
  );
  const call = (await calls.find(sql, m.id, closed))!;
  if (officer) await announceCall(m, officer, url)(sql, call);
  const resolvedIds = new Map<string, string>();
  for (const [i, d] of RESOLVED.entries()) {
    const organisation = await orgId(d.org);
    if (!organisation) continue;
    const id = await offers.insert(sql, m.id, closed, organisation, people.representative ?? officer ?? '00000000-0000-0000-0000-000000000000');
    resolvedIds.set(d.org, id);
    await offers.saveDraft(sql, m.id, id, { title: d.title, task_description: d.description, expected_results: d.results, schedule: d.schedule.map(([action, from, to]) => ({ action, from, to })), cost_lines: d.lines, partners: [] }, 1);
    const offer = (await offers.find(sql, m.id, id))!;
    const content = contentOf(offer, call);
    const sha = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');
    await versions.insert(sql, m.id, id, content, sha, new Date(Date.UTC(2026, 1, 9, 10 + i, 17, 42)), people.representative ?? officer ?? null);
    await sql.query('INSERT INTO commissioning_decisions (municipality_id, offer_id, kind, amount, reasons, decided_by, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [m.id, id, d.decision, d.amount ? d.amount * 100 : null, d.reasons, officer, new Date('2026-02-24T11:00:00Z')]);
    await offers.setStatus(sql, m.id, id, d.decision);
  }
  await seedResolvedCommittee(sql, m, closed, resolvedIds, officer, people.representative ?? null);
  await sql.query("UPDATE commissioning_calls SET status = 'resolved', results_published_at = '2026-02-25T10:00:00Z' WHERE municipality_id = $1 AND id = $2", [m.id, closed]);
  if (officer) await announceResults(m, officer, url)(sql, call, await offers.ofCall(sql, m.id, closed));
  await seedAgreements(sql, m, resolvedIds, officer, people.representative ?? null);

  const open = await calls.insert(sql, m.id, {
    title: 'Wolontariat opiekuńczy i sąsiedzka pomoc w 2027 roku', sphere: 'social_assistance', service_ids: [], total_amount: 8_000_000, grant_ceiling: 2_500_000, min_own_basis_points: 1500,
    tasks: 'Organizacja sąsiedzkiej pomocy dla osób samotnych: zakupy, towarzyszenie w wizytach lekarskich, drobne naprawy; szkolenie i koordynacja wolontariuszy.',
    criteria: [{ name: 'Możliwość realizacji zadania', weight: 40 }, { name: 'Kalkulacja kosztów', weight: 30 }, { name: 'Udział wolontariuszy', weight: 30 }],
    rules: 'Zadanie realizuje się od 1 lutego do 15 grudnia 2027 r. Wkład własny co najmniej 15% kosztów, w tym praca wolontariuszy.',
    offers_close_at: new Date(Date.now() + 25 * 86_400_000),
  }, officer);
  await sql.query("UPDATE commissioning_calls SET status = 'published', published_at = now() - interval '5 days' WHERE municipality_id = $1 AND id = $2", [m.id, open]);
  if (officer) await announceCall(m, officer, url)(sql, (await calls.find(sql, m.id, open))!);
  // The open call's committee, appointed before the closing time: the grants officer chairs it.
  const organiser = await userId(sql, 'organizator@zyrardow.example');
  for (const [member, chair] of [[officer, true], [organiser, false]] as const) {
    if (member) await sql.query("INSERT INTO commissioning_committee_members (municipality_id, call_id, user_id, kind, chair, appointed_by, appointed_at) VALUES ($1, $2, $3, 'staff', $4, $5, now() - interval '2 days') ON CONFLICT DO NOTHING", [m.id, open, member, chair, officer]);
  }
  const federation = await orgId('DZIAŁAJ.MY');
  if (federation && people.representative) {
    const id = await offers.insert(sql, m.id, open, federation, people.representative);
    await offers.saveDraft(sql, m.id, id, {
      title: 'Sąsiedzi dla sąsiadów 2027', task_description: 'Sieć 30 wolontariuszy z organizacji członkowskich pomaga samotnym seniorom z osiedli Centrum i Osada Fabryczna.',
      expected_results: '', schedule: [{ action: 'Szkolenie wolontariuszy', from: '2027-02-01', to: '2027-02-28' }],
      cost_lines: [line('Koordynator wolontariatu', 18_000, 2_000, 0, 0), line('Ubezpieczenie i szkolenie wolontariuszy', 3_000, 0, 500, 4_000)], partners: [],
    }, 1);
  }
}

const userId = async (sql: Sql, email: string): Promise<string | null> => (await sql.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]))[0]?.id ?? null;

type Sheet = [number, number, number, number, string];
/** Per offer: the formal assessment, each member's sheet (criteria 30/25/25/20) or a conflict, and the consensus. */
const ASSESSMENTS: Record<string, { formal: 'ok' | 'errors'; notes: string; sheets: (Sheet | 'conflict')[]; consensus?: Sheet }> = {
  'Trzeciego Wieku': {
    formal: 'ok', notes: '',
    sheets: [
      [27, 22, 21, 17, 'Doświadczony oferent, realny harmonogram; kosztorys szczegółowy, wysoki udział wolontariuszy.'],
      [26, 21, 22, 18, 'Dobre przygotowanie kadry; stawki instruktorów rynkowe.'],
      [25, 23, 20, 16, 'Oferta spójna z programem współpracy; wkład wolontariuszy dobrze opisany.'],
    ],
    consensus: [26, 22, 21, 17, 'Komisja uzgodniła ocenę jednogłośnie; rekomenduje dotację w wysokości 36 000 zł.'],
  },
  'Dom przy Lnianej': {
    formal: 'ok', notes: '',
    sheets: [
      [25, 20, 22, 14, 'Potrzebne zadanie; liczba godzin opieki zawyżona względem kosztorysu.'],
      [24, 21, 23, 15, 'Doświadczenie w opiece wytchnieniowej; wkład własny niewielki.'],
      'conflict',
    ],
    consensus: [25, 20, 22, 14, 'Rekomendacja dotacji niższej od wnioskowanej (30 000 zł) ze względu na liczbę godzin.'],
  },
  Caritas: {
    formal: 'errors', notes: 'Brak oświadczenia o niezaleganiu z płatnościami wobec gminy (rozdział VI ust. 3 ogłoszenia); wezwanie do uzupełnienia z 11 lutego 2026 r. pozostało bez odpowiedzi.',
    sheets: [],
  },
};

/** The resolved call's committee of three (the grants officer chairs it, the director, the federation's nominee), with declarations, sheets and the consensus. */
async function seedResolvedCommittee(sql: Sql, m: MunicipalityRow, callId: string, offerIds: Map<string, string>, officer: string | null, representative: string | null): Promise<void> {
  const director = await userId(sql, 'dyrektor@zyrardow.example');
  const federation = (await sql.query<{ id: string }>("SELECT id FROM organisations WHERE municipality_id = $1 AND name LIKE '%DZIAŁAJ.MY%' LIMIT 1", [m.id]))[0]?.id;
  const members: { id: string; kind: 'staff' | 'nominee'; org: string | null; chair: boolean }[] = [];
  if (officer) members.push({ id: officer, kind: 'staff', org: null, chair: true });
  if (director && director !== officer) members.push({ id: director, kind: 'staff', org: null, chair: false });
  if (representative && federation && !members.some((x) => x.id === representative)) members.push({ id: representative, kind: 'nominee', org: federation, chair: false });
  if (members.length === 0) return;
  for (const x of members) {
    await sql.query('INSERT INTO commissioning_committee_members (municipality_id, call_id, user_id, kind, organisation_id, chair, appointed_by, appointed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [m.id, callId, x.id, x.kind, x.org, x.chair, officer, new Date('2026-02-05T10:00:00Z')]);
  }
  for (const [org, a] of Object.entries(ASSESSMENTS)) {
    const offerId = offerIds.get(org);
    if (!offerId) continue;
    for (const [i, x] of members.entries()) {
      const sheet = a.sheets[i];
      const conflict = sheet === 'conflict';
      await sql.query('INSERT INTO commissioning_conflict_declarations (municipality_id, offer_id, user_id, conflict, explanation, declared_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [m.id, offerId, x.id, conflict, conflict ? 'Jestem wolontariuszką fundacji i pomagałam przygotować harmonogram tej oferty.' : '', new Date(Date.UTC(2026, 1, 11, 9, 5 + i * 7))]);
      if (sheet && sheet !== 'conflict') {
        await sql.query('INSERT INTO commissioning_score_sheets (municipality_id, offer_id, user_id, scores, submitted_at) VALUES ($1, $2, $3, $4::jsonb, $5)',
          [m.id, offerId, x.id, JSON.stringify(sheet.slice(0, 4).map((score) => ({ score, justification: sheet[4] }))), new Date(Date.UTC(2026, 1, 16, 12, 10 + i * 13))]);
      }
    }
    const c = a.consensus;
    await sql.query('INSERT INTO commissioning_consensus (municipality_id, offer_id, formal, formal_notes, scores, total, remarks, updated_by, updated_at, version) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)',
      [m.id, offerId, a.formal, a.notes, JSON.stringify(c ? c.slice(0, 4).map((score) => ({ score, justification: c[4] })) : []), c ? (c.slice(0, 4) as number[]).reduce((s, v) => s + v, 0) : null, c ? c[4] : '', officer, new Date('2026-02-20T13:30:00Z'), c ? 2 : 1]);
  }
}

const at = (iso: string) => new Date(iso);
const hash = (content: unknown) => crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex');

/**
 * The resolved call's agreements (ADR 0038). "Aktywny senior": the grant lower than asked, so an updated budget
 * (version 2), signed, then annex no. 1 (version 3) and its final report accepted. "Wytchnienie": an updated
 * budget, signed, and a partial report returned with remarks for the foundation to correct.
 */
async function seedAgreements(sql: Sql, m: MunicipalityRow, offerIds: Map<string, string>, officer: string | null, representative: string | null): Promise<void> {
  const senior = offerIds.get('Trzeciego Wieku');
  if (senior) {
    const { id } = await createAgreementIn(sql, m.id, senior, officer);
    const update = {
      schedule: RESOLVED[0]!.schedule.map(([action, from, to]) => ({ action, from, to })),
      cost_lines: [line('Wynagrodzenie instruktorów', 24_000, 1_500, 0, 0), line('Materiały i wynajem sprzętu', 5_000, 500, 1_200, 0), line('Koordynacja i praca wolontariuszy', 7_000, 0, 0, 4_800)],
    };
    await step(sql, m.id, id, 'update', update, 'Dotacja niższa o 2 000 zł: mniej materiałów i krótsza koordynacja; liczba uczestników i godzin zajęć bez zmian.', representative, officer, '2026-02-27T10:12:00Z', '2026-02-28T09:30:00Z');
    await sql.query("UPDATE commissioning_agreements SET status = 'signed', signed_on = '2026-03-02' WHERE municipality_id = $1 AND id = $2", [m.id, id]);
    const annex = {
      schedule: [...update.schedule, { action: 'Dodatkowa grupa zajęć ruchowych (Osada Fabryczna)', from: '2026-07-01', to: '2026-11-27' }],
      cost_lines: [line('Wynagrodzenie instruktorów', 25_000, 1_500, 0, 0), line('Materiały i wynajem sprzętu', 4_000, 500, 1_200, 0), line('Koordynacja i praca wolontariuszy', 7_000, 0, 0, 4_800)],
    };
    await step(sql, m.id, id, 'annex', annex, 'Dodatkowa grupa zajęć ruchowych dla 15 osób z listy rezerwowej; 1 000 zł przesunięte z materiałów (sprzęt użyczył MOSiR) na wynagrodzenie instruktora.', representative, officer, '2026-06-10T12:40:00Z', '2026-06-15T08:55:00Z');
    const expenses = [line('Wynagrodzenie instruktorów', 25_000, 1_500, 0, 0), line('Materiały i wynajem sprzętu', 3_950, 500, 1_200, 0), line('Koordynacja i praca wolontariuszy', 7_000, 0, 0, 5_100)];
    const report = await reports.insert(sql, m.id, id, 'final', representative);
    const content = {
      done: 'Od marca do listopada 2026 r. odbyło się 312 godzin zajęć ruchowych i komputerowych w czterech grupach (w tym dodatkowej grupie w Osadzie Fabrycznej) oraz 8 spotkań „Żyrardów dawniej”.',
      results: 'Zakładano 120 uczestników — wzięło udział 131 osób. Zakładano 300 godzin zajęć — zrealizowano 312. Zakładano 8 spotkań otwartych — odbyło się 8. Ankieta satysfakcji: 94% ocen „dobrze” lub „bardzo dobrze”.',
      expenses,
    };
    await reports.save(sql, m.id, report, content, 1);
    await submissions.insert(sql, m.id, report, { agreement: { id, number: '1/2026' }, kind: 'final', ...content }, hash(content), representative, at('2026-12-04T15:20:00Z'));
    await reports.setStatus(sql, m.id, report, 'submitted', 2);
    await reports.setStatus(sql, m.id, report, 'accepted', 3, { remarks: '', by: officer, at: at('2026-12-07T10:05:00Z') });
  }
  const respite = offerIds.get('Dom przy Lnianej');
  if (respite) {
    const { id } = await createAgreementIn(sql, m.id, respite, officer);
    const update = {
      schedule: RESOLVED[1]!.schedule.map(([action, from, to]) => ({ action, from, to })),
      cost_lines: [line('Wynagrodzenie opiekunów', 27_000, 2_000, 0, 0), line('Grupa wsparcia (psycholog, sala)', 3_000, 0, 1_000, 1_500)],
    };
    await step(sql, m.id, id, 'update', update, 'Dotacja niższa o 6 000 zł: opieka wytchnieniowa dla 13 rodzin zamiast 15, grupa wsparcia co 5 tygodni.', representative, officer, '2026-02-27T14:02:00Z', '2026-03-02T11:15:00Z');
    await sql.query("UPDATE commissioning_agreements SET status = 'signed', signed_on = '2026-03-05' WHERE municipality_id = $1 AND id = $2", [m.id, id]);
    const report = await reports.insert(sql, m.id, id, 'partial', representative);
    const content = {
      done: 'Od kwietnia do czerwca 2026 r. opieką wytchnieniową objęto 12 rodzin; odbyły się 3 spotkania grupy wsparcia.',
      results: 'Zrealizowano 410 godzin opieki (plan na rok: 1 040). Grupa wsparcia: średnio 9 osób na spotkaniu.',
      expenses: [line('Wynagrodzenie opiekunów', 9_400, 700, 0, 0), line('Grupa wsparcia (psycholog, sala)', 900, 0, 300, 450)],
    };
    await reports.save(sql, m.id, report, content, 1);
    await submissions.insert(sql, m.id, report, { agreement: { id, number: '2/2026' }, kind: 'partial', ...content }, hash(content), representative, at('2026-07-15T09:48:00Z'));
    await reports.setStatus(sql, m.id, report, 'submitted', 2);
    await reports.setStatus(sql, m.id, report, 'returned', 3, {
      remarks: 'Prosimy dołączyć zestawienie godzin opieki według rodzin (bez nazwisk) i poprawić wydatek na salę: faktura nr 14/06/2026 dotyczy lipca, nie czerwca.',
      by: officer, at: at('2026-07-22T13:30:00Z'),
    });
  }
}

/** A change request of the offeror and staff's acceptance: the next version of the terms. */
async function step(sql: Sql, m: string, agreementId: string, kind: 'update' | 'annex', t: { schedule: { action: string; from: string; to: string }[]; cost_lines: CostLine[] }, reasons: string, by: string | null, officer: string | null, asked: string, accepted: string): Promise<void> {
  const request = await changes.insert(sql, m, agreementId, kind, t, reasons, by, at(asked));
  await changes.decide(sql, m, request, 'accepted', '', officer, at(accepted));
  await terms.insert(sql, m, agreementId, kind, t, reasons, officer, at(accepted));
}
