import crypto from 'node:crypto';
import type { Sql } from '../../platform/db/types';
import { TIME_ZONE } from '../../platform/time';
import type { Response } from './domain';

/** Addresses of groups without an account (demo only; the .example domain never delivers). */
const GROUP_ADDRESSES = [
  'rada.osiedla.osada@zyrardow.example', 'kolo.seniorow.wschod@zyrardow.example', 'klub.mam@zyrardow.example', 'grupa.sasiedzka.bema@zyrardow.example',
  'mlodziezowa.rada@zyrardow.example', 'wolontariusze.parafii@zyrardow.example', 'klub.szachowy@zyrardow.example', 'ogrod.spoleczny@zyrardow.example',
  'teatr.amatorski@zyrardow.example',
];

interface DemoMeeting {
  title: string;
  purpose: string;
  agenda: string;
  audience: string;
  address: string;
  onlineUrl?: string;
  /** Days from today (negative: past). */
  inDays: number;
  starts: string;
  ends: string;
  /** Answers of the invitees, in order (organisations first, then groups); undefined: no answer. */
  answers: (Response | undefined)[];
  /** Indexes of the invitees who came. */
  came: number[];
  walkIns?: { name: string; people: number }[];
  minutes?: string;
  tasks?: { title: string; ownerName: string; inDays: number; done: boolean }[];
  invitees: number;
}

const MEETINGS: DemoMeeting[] = [
  {
    title: 'Spotkanie otwierające: jak Centrum może współpracować z organizacjami',
    purpose: 'Poznać się, opowiedzieć o usługach Centrum i zebrać pomysły na wspólne działania.',
    agenda: 'Powitanie i przedstawienie się\nUsługi Centrum Usług Społecznych\nCzego potrzebują organizacje?\nUstalenia na kolejne spotkanie',
    audience: 'Wszystkie organizacje pozarządowe i grupy nieformalne z Żyrardowa',
    address: 'Resursa, ul. Karola Dittricha 1, Żyrardów',
    inDays: -62, starts: '17:00', ends: '19:00', invitees: 20,
    answers: ['yes', 'yes', 'no', 'yes', undefined, 'maybe', undefined, undefined, undefined, undefined, 'yes', undefined, undefined, 'yes'],
    came: [0, 1, 3, 10],
    minutes: 'Przyszły cztery organizacje. Ustalono, że kolejne spotkanie będzie warsztatem o potrzebach seniorów, a zaproszenia wyjdą trzy tygodnie wcześniej.',
    tasks: [{ title: 'Rozesłać notatkę ze spotkania wszystkim zaproszonym', ownerName: 'Organizator społeczności CUS', inDays: -55, done: true }],
  },
  {
    title: 'Warsztat: potrzeby seniorów w Osadzie Fabrycznej',
    purpose: 'Wspólna diagnoza: czego brakuje seniorom w Osadzie Fabrycznej i kto może pomóc.',
    agenda: 'Wyniki ankiety wśród seniorów\nPraca w grupach\nPropozycje działań na 2027 rok',
    audience: 'Organizacje działające na rzecz seniorów i sąsiedztwa',
    address: 'Resursa, ul. Karola Dittricha 1, Żyrardów',
    inDays: -27, starts: '16:30', ends: '18:30', invitees: 8,
    answers: ['yes', 'yes', 'yes', 'maybe', 'yes', 'no', undefined, 'yes'],
    came: [0, 1, 2, 4, 7],
    walkIns: [{ name: 'Sąsiedzi z ulicy Bema', people: 3 }],
    minutes: 'Najczęściej wskazywane potrzeby: transport do lekarza, dyżury telefoniczne, spotkania przy kawie. Stowarzyszenie zaproponowało wolontariuszy do dyżurów.',
    tasks: [
      { title: 'Przygotować grafik dyżurów telefonicznych wolontariuszy', ownerName: 'Stowarzyszenie z Osady', inDays: -5, done: false },
      { title: 'Sprawdzić możliwość dowozu seniorów busem miejskim', ownerName: 'Koordynator usług CUS', inDays: 14, done: false },
    ],
  },
  {
    title: 'Forum organizacji: plan współpracy na 2027 rok',
    purpose: 'Omówić projekt rocznego programu współpracy i zbiór zadań na przyszły rok.',
    agenda: 'Podsumowanie 2026 roku\nProjekt programu współpracy na 2027 rok\nKonkursy ofert — harmonogram\nWolne wnioski',
    audience: 'Wszystkie organizacje z rejestru',
    address: 'Resursa, ul. Karola Dittricha 1, Żyrardów',
    onlineUrl: 'https://spotkanie.zyrardow.example/forum-2027',
    inDays: 10, starts: '17:00', ends: '19:30', invitees: 20,
    answers: ['yes', 'maybe', undefined, 'yes', 'no'],
    came: [],
  },
];

const fakeTokenHash = () => crypto.createHash('sha256').update(crypto.randomBytes(32)).digest('hex');

/**
 * The demo municipality's meetings (after its registry of organisations): two past ones — the first
 * with 20 invited and 4 who came, as in the article that prompted this module — and one coming up.
 */
export async function seedMeetingFixtures(sql: Sql, municipalityId: string): Promise<void> {
  const organisations = await sql.query<{ id: string; email: string }>(
    "SELECT id, email FROM organisations WHERE municipality_id = $1 AND status = 'verified' ORDER BY name", [municipalityId]);
  const invitees = [...organisations.map((o) => ({ organisationId: o.id as string | null, email: o.email })), ...GROUP_ADDRESSES.map((email) => ({ organisationId: null, email }))];
  for (const m of MEETINGS) {
    const [meeting] = await sql.query<{ id: string }>(
      `INSERT INTO meetings (municipality_id, title, purpose, agenda, audience, address, online_url, starts_at, ends_at, minutes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, ((current_date + $8::int) + $9::time) AT TIME ZONE '${TIME_ZONE}', ((current_date + $8::int) + $10::time) AT TIME ZONE '${TIME_ZONE}', $11)
       RETURNING id`,
      [municipalityId, m.title, m.purpose, m.agenda, m.audience, m.address, m.onlineUrl ?? '', m.inDays, m.starts, m.ends, m.minutes ?? ''],
    );
    for (const [i, invitee] of invitees.slice(0, m.invitees).entries()) {
      const response = m.answers[i] ?? null;
      const [invitation] = await sql.query<{ id: string }>(
        `INSERT INTO meeting_invitations (municipality_id, meeting_id, organisation_id, email, token_hash, chosen_by, invited_at, response, people_count, responded_at, answers)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7::int - 21), $8, $9, CASE WHEN $8::text IS NULL THEN NULL ELSE now() + make_interval(days => $7::int - 7) END, $10)
         RETURNING id`,
        [municipalityId, meeting!.id, invitee.organisationId, invitee.email, fakeTokenHash(), invitee.organisationId ? 'filter' : 'person', m.inDays, response, response === 'yes' ? 1 + (i % 3) : 0, response ? 1 : 0],
      );
      if (m.came.includes(i)) {
        await sql.query('INSERT INTO meeting_attendance (municipality_id, meeting_id, invitation_id, organisation_id, people_count) VALUES ($1, $2, $3, $4, $5)', [
          municipalityId, meeting!.id, invitation!.id, invitee.organisationId, 1 + (i % 3),
        ]);
      }
    }
    if (m.inDays > 0) {
      // The coming meeting's invitations to organisations with a representative on the platform wait for their answer (the demo's "to answer").
      await sql.query(
        `UPDATE meeting_invitations SET response = NULL, people_count = 0, responded_at = NULL, answers = 0
          WHERE municipality_id = $1 AND meeting_id = $2 AND organisation_id IN (SELECT organisation_id FROM organisation_members WHERE municipality_id = $1)`,
        [municipalityId, meeting!.id],
      );
    }
    for (const w of m.walkIns ?? []) {
      await sql.query('INSERT INTO meeting_attendance (municipality_id, meeting_id, name, people_count) VALUES ($1, $2, $3, $4)', [municipalityId, meeting!.id, w.name, w.people]);
    }
    for (const t of m.tasks ?? []) {
      await sql.query(
        `INSERT INTO meeting_tasks (municipality_id, meeting_id, title, owner_name, due_on, done_at) VALUES ($1, $2, $3, $4, current_date + $5::int, CASE WHEN $6 THEN now() END)`,
        [municipalityId, meeting!.id, t.title, t.ownerName, t.inDays, t.done],
      );
    }
  }
}
