import crypto from 'node:crypto';
import type { Sql } from '../../platform/db/types';
import type { Accessibility, Equipment } from './domain';
import { addDays, isoWeekday, warsawDay, warsawInstant } from '../../platform/time';

const VENUE = {
  name: 'Miejsce Aktywności Lokalnej — Osada Fabryczna',
  street: 'ul. Karola Dittricha 1 („Resursa”)',
  description: 'Sale dla organizacji, grup nieformalnych i mieszkańców w zabytkowym budynku Resursy, w sercu osady fabrycznej. Korzystanie jest bezpłatne; o rezerwacji decyduje organizator społeczności lokalnej.\n\nWejście od ul. Dittricha, winda do sal na piętrze.',
  email: 'mal@cus.zyrardow.example',
  phone: '46 855 00 41',
  hours: [[1, '09:00', '21:00'], [2, '09:00', '21:00'], [3, '09:00', '21:00'], [4, '09:00', '21:00'], [5, '09:00', '21:00'], [6, '10:00', '16:00']] as const,
};

const ROOMS: { key: string; name: string; capacity: number; equipment: Equipment[]; accessibility: Accessibility[]; description: string }[] = [
  { key: 'duza', name: 'Sala widowiskowa', capacity: 80, equipment: ['projector', 'screen', 'sound', 'microphone', 'chairs', 'wifi', 'piano'], accessibility: ['step_free', 'lift', 'accessible_toilet', 'induction_loop', 'wide_doors'], description: 'Parter, scena i pętla indukcyjna; na spotkania, koncerty i zebrania mieszkańców.' },
  { key: 'sala2', name: 'Sala 2', capacity: 24, equipment: ['projector', 'screen', 'tables', 'chairs', 'whiteboard', 'wifi'], accessibility: ['lift', 'accessible_toilet', 'wide_doors'], description: 'Piętro, stoły do pracy w grupach; na warsztaty i szkolenia.' },
  { key: 'pracownia', name: 'Pracownia rękodzieła', capacity: 12, equipment: ['tables', 'chairs', 'sewing_machines', 'kitchen'], accessibility: ['step_free', 'accessible_toilet', 'quiet_room'], description: 'Krosna, maszyny do szycia i aneks kuchenny.' },
];

/** The day `weeks` from now on `weekday` (1 = Monday), in Warsaw. */
const nextWeekday = (weekday: number, weeks: number) => {
  const today = warsawDay();
  return addDays(today, ((weekday - isoWeekday(today) + 7) % 7 || 7) + 7 * weeks);
};

/**
 * The demo Local Activity Place of Żyrardów: the MAL in the "Resursa" building with three rooms, and
 * bookings by demo organisations — the federation's weekly duty for NGOs (its representative asked,
 * approved), a request of hers waiting for staff, and bookings staff made for a weaving workshop and
 * the university of the third age. Run after the registry of organisations.
 */
export async function seedVenueFixtures(sql: Sql, municipalityId: string, people: { representative?: string; organiser?: string } = {}): Promise<void> {
  const [venue] = await sql.query<{ id: string }>(
    `INSERT INTO venues (municipality_id, name, street, postal_code, city, description, email, phone) VALUES ($1, $2, $3, '96-300', 'Żyrardów', $4, $5, $6) RETURNING id`,
    [municipalityId, VENUE.name, VENUE.street, VENUE.description, VENUE.email, VENUE.phone],
  );
  for (const [weekday, opens, closes] of VENUE.hours) {
    await sql.query('INSERT INTO venue_hours (municipality_id, venue_id, weekday, opens, closes) VALUES ($1, $2, $3, $4, $5)', [municipalityId, venue!.id, weekday, opens, closes]);
  }
  const rooms = new Map<string, string>();
  for (const r of ROOMS) {
    const [row] = await sql.query<{ id: string }>(
      'INSERT INTO venue_rooms (municipality_id, venue_id, name, capacity, equipment, accessibility, description) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
      [municipalityId, venue!.id, r.name, r.capacity, r.equipment, r.accessibility, r.description],
    );
    rooms.set(r.key, row!.id);
  }
  const orgs = new Map((await sql.query<{ id: string; name: string }>('SELECT id, name FROM organisations WHERE municipality_id = $1', [municipalityId])).map((o) => [o.name, o.id]));
  const federation = orgs.get('Federacja Organizacji Pozarządowych „DZIAŁAJ.MY”') ?? null;
  const book = async (b: { room: string; org: string | null; by: string | undefined; title: string; people: number; day: string; from: string; to: string; status: string; series?: string }) => {
    if (!b.by) return;
    await sql.query(
      `INSERT INTO room_bookings (municipality_id, room_id, organisation_id, requested_by, series_id, title, people, during, status, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, tstzrange($8, $9, '[)'), $10, CASE WHEN $10 = 'approved' THEN $11::uuid END, CASE WHEN $10 = 'approved' THEN now() END)`,
      [municipalityId, rooms.get(b.room), b.org, b.by, b.series ?? null, b.title, b.people, warsawInstant(b.day, b.from), warsawInstant(b.day, b.to), b.status, people.organiser ?? null],
    );
  };
  const duty = crypto.randomUUID();
  for (let week = 0; week < 6; week++) {
    await book({ room: 'sala2', org: federation, by: people.representative, title: 'Dyżur federacji: pomoc w pisaniu ofert i rozliczaniu dotacji', people: 10, day: nextWeekday(2, week), from: '16:00', to: '18:00', status: 'approved', series: duty });
  }
  await book({ room: 'duza', org: federation, by: people.representative, title: 'Gala wolontariatu „DZIAŁAJ.MY”', people: 60, day: nextWeekday(5, 2), from: '17:00', to: '20:00', status: 'requested' });
  await book({ room: 'pracownia', org: orgs.get('Stowarzyszenie „Lniany Szlak”') ?? null, by: people.organiser, title: 'Warsztaty tkackie dla dzieci i seniorów', people: 10, day: nextWeekday(3, 0), from: '10:00', to: '13:00', status: 'approved' });
  await book({ room: 'sala2', org: orgs.get('Żyrardowski Uniwersytet Trzeciego Wieku') ?? null, by: people.organiser, title: 'UTW: zajęcia komputerowe dla seniorów', people: 16, day: nextWeekday(4, 0), from: '11:00', to: '13:00', status: 'approved' });
  await book({ room: 'duza', org: orgs.get('Koło Gospodyń Wiejskich „Ruda”') ?? null, by: people.organiser, title: 'Próba chóru KGW przed kiermaszem świątecznym', people: 25, day: nextWeekday(1, 1), from: '18:00', to: '20:00', status: 'approved' });
}
