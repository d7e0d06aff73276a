import assert from 'node:assert/strict';
import type { Role } from '../../src/platform/auth/roles';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeUser, type TestUser } from '../support/factories';
import type { Harness } from '../support/harness';
import { logIn } from '../support/session';

/** Shared by the surveys tests: people, a survey built through the staff forms, its questions, answering. */

export async function person(h: Harness, m: MunicipalityRow, roles: Role[] = ['resident']): Promise<{ user: TestUser; c: TestClient }> {
  const user = await makeUser(h.db, { municipality: m, roles });
  return { user, c: await logIn(h, user) };
}

const ymd = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
const DAY = 86_400_000;

/** The staff form's fields for a survey open from yesterday for a week. */
export function surveyForm(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title_pl: 'Potrzeby mieszkańców osiedla Ruda',
    title_en: '',
    intro_pl: 'Krótka ankieta ośrodka.',
    intro_en: '',
    purpose: 'diagnosis',
    audience: 'residents',
    layout: 'one_per_page',
    anonymous: '1',
    opens_on: ymd(new Date(Date.now() - DAY)),
    opens_time: '8:00',
    closes_on: ymd(new Date(Date.now() + 7 * DAY)),
    closes_time: '23:59',
    min_cell: '5',
    ...over,
  };
}

export interface Built {
  id: string;
  base: string;
  keys: Record<string, string>;
}

export async function surveyVersion(h: Harness, m: MunicipalityRow, id: string): Promise<{ version: number; current_version: number }> {
  const [row] = await h.db.ownerTx((sql) => sql.query<{ version: number; current_version: number }>('SELECT version, current_version FROM surveys WHERE municipality_id = $1 AND id = $2', [m.id, id]));
  return row!;
}

export async function questionsOf(h: Harness, m: MunicipalityRow, id: string, version?: number) {
  return h.db.ownerTx((sql) =>
    sql.query<{ id: string; key: string; text_pl: string; survey_version: number; section_id: string }>(
      'SELECT id, key, text_pl, survey_version, section_id FROM survey_questions WHERE municipality_id = $1 AND survey_id = $2 AND ($3::int IS NULL OR survey_version = $3) ORDER BY survey_version, position',
      [m.id, id, version ?? null],
    ),
  );
}

/** A survey: district (single, required), scale 1–5 (required), household size (number 1–15), needs (multiple), "why not" shown only after district "Ruda". */
export async function buildSurvey(h: Harness, m: MunicipalityRow, staff: TestClient, over: Record<string, string | string[]> = {}): Promise<Built> {
  const created = await staff.post(`/${m.slug}/ankiety/nowa`, surveyForm(over));
  assert.equal(created.statusCode, 303, created.body.slice(0, 400));
  const id = /ankiety\/([0-9a-f-]{36})\/pytania/.exec(created.headers.location ?? '')![1]!;
  const base = `/${m.slug}/ankiety/${id}`;
  const [section] = await h.db.ownerTx((sql) => sql.query<{ key: string }>('SELECT key FROM survey_sections WHERE municipality_id = $1 AND survey_id = $2', [m.id, id]));
  const add = async (fields: Record<string, string>) => {
    const { version } = await surveyVersion(h, m, id);
    const res = await staff.post(`${base}/pytania/nowe`, { section: section!.key, version: String(version), ...fields });
    assert.equal(res.statusCode, 303, res.body.slice(0, 600));
  };
  await add({ kind: 'single', text_pl: 'W której części miasta mieszkasz?', required: '1', choices: 'Centrum | Centre\nRuda\nWschód' });
  await add({ kind: 'scale', text_pl: 'Jak oceniasz usługi?', required: '1', scale_min: '1', scale_max: '5', scale_min_pl: 'źle', scale_max_pl: 'dobrze' });
  await add({ kind: 'number', text_pl: 'Ile osób mieszka z Tobą?', number_min: '1', number_max: '15' });
  await add({ kind: 'multiple', text_pl: 'Czego brakuje?', choices: 'opieki\nzajęć\ntransportu' });
  const qs = await questionsOf(h, m, id);
  await add({ kind: 'single', text_pl: 'Dlaczego nie korzystasz z ośrodka?', required: '1', choices: 'nie wiem o nim\nza daleko', show_if: `${qs[0]!.key}:b` });
  const all = await questionsOf(h, m, id);
  const keys = Object.fromEntries(['district', 'scale', 'household', 'needs', 'why'].map((k, i) => [k, all[i]!.key]));
  return { id, base, keys };
}

export async function openSurvey(h: Harness, m: MunicipalityRow, staff: TestClient, built: Built): Promise<void> {
  const { version } = await surveyVersion(h, m, built.id);
  const res = await staff.post(`${built.base}/otworz`, { version: String(version) });
  assert.equal(res.statusCode, 303, res.body.slice(0, 400));
}

export const fieldOf = (qid: string) => `q_${qid}`;
