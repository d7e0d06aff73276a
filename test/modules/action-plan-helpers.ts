import assert from 'node:assert/strict';
import { seedActionPlanFixtures } from '../../src/modules/action-plan';
import { seedOrganisationFixtures } from '../../src/modules/organisations';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import type { TestClient } from '../support/client';
import { makeMunicipality } from '../support/factories';
import type { Harness } from '../support/harness';
import { ownerQuery } from '../support/db';

/** Shared by the action plan tests: complete forms as people type them, and readers of rows. */

export function planForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Plan organizowania społeczności lokalnej — Osada Fabryczna 2027',
    area: 'Osada Fabryczna',
    period_from: '2027-01-01',
    period_to: '2027-12-31',
    main_goal: 'Sąsiedzi działają razem.',
    diagnosis: 'Dużo samotnych seniorów.\n\nBrak miejsca dla młodzieży.',
    status: 'draft',
    ...over,
  };
}

export function actionForm(goalId: string, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    goal_id: goalId,
    title: 'Wigilia sąsiedzka w Resursie',
    description: 'Wspólna kolacja dla mieszkańców osady.',
    responsible_user_id: '',
    partner: 'Rada Osiedla',
    starts_on: '2027-12-01',
    due_on: '2027-12-20',
    status: 'planned',
    drop_note: '',
    indicator: 'liczba uczestników',
    target_value: '120',
    achieved_value: '',
    ...over,
  };
}

/** A municipality with the demo registry of organisations (and the demo plans when `plans`). */
export async function municipalityWithRegistry(h: Harness, name: string, plans = false): Promise<MunicipalityRow> {
  const m = await makeMunicipality(h.db, name);
  await h.db.tx({ municipalityId: m.id, userId: null }, async (sql) => {
    await seedOrganisationFixtures(sql, m.id);
    if (plans) await seedActionPlanFixtures(sql, m.id);
  });
  return m;
}

export const one = async <R extends object>(h: Harness, text: string, params: unknown[]): Promise<R> => {
  const [row] = await ownerQuery<R>(h, text, params);
  assert.ok(row, text);
  return row;
};

export async function createPlan(h: Harness, c: TestClient, m: MunicipalityRow, over: Record<string, string> = {}): Promise<string> {
  await c.get(`/${m.slug}/action-plans/new`);
  const res = await c.post(`/${m.slug}/action-plans/new`, planForm(over));
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const id = /action-plans\/([0-9a-f-]{36})\/manage/.exec(res.headers.location ?? '')?.[1];
  assert.ok(id, res.headers.location);
  return id;
}

export async function addGoal(c: TestClient, m: MunicipalityRow, planId: string, title: string): Promise<string> {
  const res = await c.post(`/${m.slug}/action-plans/${planId}/goals/new`, { title, description: '' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  return /#goal-([0-9a-f-]{36})$/.exec(res.headers.location ?? '')![1]!;
}

export async function addAction(c: TestClient, m: MunicipalityRow, planId: string, form: Record<string, string | string[]>): Promise<string> {
  const res = await c.post(`/${m.slug}/action-plans/${planId}/actions/new`, form);
  assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
  return /#action-([0-9a-f-]{36})$/.exec(res.headers.location ?? '')![1]!;
}

export const organisationId = (h: Harness, m: MunicipalityRow, prefix: string) =>
  one<{ id: string }>(h, 'SELECT id FROM organisations WHERE municipality_id = $1 AND name LIKE $2', [m.id, `${prefix}%`]).then((r) => r.id);
