import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../src/app';
import { modules } from '../../src/modules';
import { can } from '../../src/platform/auth/access';
import { permissionsOf, ROLES, type PermissionTable } from '../../src/platform/auth/roles';
import { AppError, type ErrorTable } from '../../src/platform/http/errors';
import type { Message } from '../../src/platform/i18n';
import { nextOccurrence } from '../../src/platform/jobs/scheduler';
import { installModules, type AppModule } from '../../src/platform/module';
import { ownerQuery } from '../support/db';
import { makeMunicipality, TEST_APP_SECRET } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { person } from '../support/people';

/** A module the app has never heard of: everything it adds lives here, in this file, and no kernel file names it. */
const tinyPermissions = { 'tiny.read': { personalData: false, roles: ['analyst'] } } as const satisfies PermissionTable;
const tinyErrors = { 'tiny.sealed': 409 } as const satisfies ErrorTable;
const tinyPl = { 'nav.tiny': 'Drobiazgi', 'tiny.title': 'Drobiazgi gminy', 'errors.tiny.sealed': 'Ten drobiazg jest już zamknięty.' } satisfies Record<string, Message>;
const tinyEn = { 'nav.tiny': 'Trinkets', 'tiny.title': 'Trinkets of the municipality', 'errors.tiny.sealed': 'This trinket is sealed already.' } satisfies Record<keyof typeof tinyPl, Message>;

declare module '../../src/platform/auth/roles' {
  interface ModulePermissions {
    tiny: typeof tinyPermissions;
  }
}
declare module '../../src/platform/http/errors' {
  interface ModuleErrors {
    tiny: typeof tinyErrors;
  }
}
declare module '../../src/platform/i18n/catalogue' {
  interface ModuleMessages {
    tiny: typeof tinyPl;
  }
}

const HOUR = 3_600_000;
const ticks: unknown[] = [];
const tinyModule: AppModule = {
  name: 'tiny',
  permissions: tinyPermissions,
  errors: tinyErrors,
  messages: [{ pl: tinyPl, en: tinyEn }],
  navigation: [{ href: '/tiny', label: 'nav.tiny', permission: 'tiny.read' }],
  routes: async (app) => {
    app.get('/api/:municipality/tiny', { config: { access: can('tiny.read') } }, async (request) => ({ title: request.i18n.t('tiny.title') }));
    app.get('/api/:municipality/tiny/sealed', { config: { access: can('tiny.read') } }, async () => {
      throw new AppError('tiny.sealed');
    });
  },
  jobs: () => ({ 'tiny.tick': async (payload) => void ticks.push(payload.period) }),
  schedules: [{ name: 'tiny.hourly', queue: 'tiny.tick', everyMs: HOUR }],
};

/** Roles and their permissions as they stood when the kernel held the one table: the modules' tables add up to it. */
const FORMER_TABLE: Record<string, string[]> = {
  resident: [],
  ngo_member: [],
  coordinator: ['catalog.manage', 'applications.manage', 'cases.manage', 'cases.statistics', 'surveys.manage', 'exchange.take_part'],
  community_organiser: ['organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage', 'consultations.manage', 'announcements.manage', 'surveys.manage', 'budget.manage', 'budget.count', 'diagnosis.manage', 'exchange.take_part'],
  grants_officer: ['commissioning.manage', 'budget.manage', 'budget.count'],
  evaluator: [],
  analyst: ['cases.statistics', 'surveys.manage', 'diagnosis.manage', 'exchange.take_part'],
  director: ['catalog.manage', 'organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage', 'applications.manage', 'cases.manage', 'plans.approve', 'cases.configure', 'cases.statistics', 'consultations.manage', 'announcements.manage', 'surveys.manage', 'commissioning.manage', 'budget.manage', 'budget.count', 'diagnosis.manage', 'exchange.take_part', 'exchange.manage'],
  administrator: ['staff.manage', 'catalog.manage', 'organisations.manage', 'meetings.manage', 'venues.manage', 'action_plan.manage', 'applications.manage', 'cases.configure', 'consultations.manage', 'announcements.manage', 'exchange.take_part', 'exchange.manage'],
  auditor: ['audit.read'],
};

const stub = (name: string, parts: Partial<AppModule>): AppModule => ({ name, routes: async () => undefined, ...parts });

describeEachEngine(
  'modules contribute permissions, error codes, messages, schedules and navigation',
  (h) => {
    test('a module defined outside the app: its permission guards its route, its nav item shows to holders, its error answers with its status and message', async () => {
      const m = await makeMunicipality(h.db, 'Gmina Drobiazgów');
      const { c: analyst } = await person(h, m, ['analyst']);
      const { c: organiser } = await person(h, m, ['community_organiser']);

      const ok = await analyst.get(`/api/${m.slug}/tiny`);
      assert.equal(ok.statusCode, 200);
      assert.deepEqual(ok.json(), { title: 'Drobiazgi gminy' });
      assert.equal((await organiser.get(`/api/${m.slug}/tiny`)).statusCode, 403, 'a role without the permission is refused');

      const sealed = await analyst.get(`/api/${m.slug}/tiny/sealed`);
      assert.equal(sealed.statusCode, 409);
      assert.deepEqual(sealed.json(), { error: { code: 'tiny.sealed', message: 'Ten drobiazg jest już zamknięty.' } });

      const link = `href="/${m.slug}/tiny"`;
      const home = (await analyst.get(`/${m.slug}`)).body;
      assert.ok(home.includes(link) && home.includes('Drobiazgi'), 'the holder sees the nav item');
      assert.ok(!(await organiser.get(`/${m.slug}`)).body.includes(link), 'others do not');
    });

    test('its schedule: one pending run per period whatever the number of starts; the run adds the next and runs the handler', async () => {
      ticks.length = 0;
      await h.scheduler.ensure();
      await h.scheduler.ensure();
      const jobs = () => ownerQuery<{ period: string; done: boolean; run_at: Date; municipality_id: string | null }>(
        h, "SELECT payload ->> 'period' AS period, done_at IS NOT NULL AS done, run_at, municipality_id FROM jobs WHERE queue = 'tiny.tick' ORDER BY run_at", []);
      const [first, ...more] = await jobs();
      assert.equal(more.length, 0, 'two starts, one run');
      const expected = nextOccurrence({ name: 'tiny.hourly', queue: 'tiny.tick', everyMs: HOUR }, new Date());
      assert.equal(first!.run_at.getTime() % HOUR, 0, 'on the hour');
      assert.ok(first!.run_at.getTime() > Date.now() && first!.run_at.getTime() <= expected.at.getTime());
      assert.equal(first!.municipality_id, null, 'a platform job');

      await ownerQuery(h, "UPDATE jobs SET run_at = now() WHERE queue = 'tiny.tick'", []);
      await h.worker.drain();
      assert.deepEqual(ticks, [first!.period]);
      const after = await jobs();
      assert.deepEqual(after.map((j) => j.done), [true, false]);
      assert.equal(after[1]!.run_at.getTime() - first!.run_at.getTime(), HOUR, 'the next period, not the clock’s');
      await h.scheduler.ensure();
      assert.equal((await jobs()).length, 2);
    });

    test('the modules’ tables add up to the roles’ permissions the kernel held before', () => {
      for (const role of ROLES) assert.deepEqual([...permissionsOf([role])].filter((p) => p !== 'tiny.read').sort(), [...FORMER_TABLE[role]!].sort(), role);
    });

    test('a permission, an error code, a message or a schedule declared by two modules stops the start, naming both; nothing is half installed', async () => {
      const twins = (parts: Partial<AppModule>) => [...modules, tinyModule, stub('twin-a', parts), stub('twin-b', parts)];
      const start = (list: AppModule[]) => buildApp({ config: h.config, db: h.db, mailer: h.mailer, appSecret: TEST_APP_SECRET, workerAutostart: false, modules: list });
      await assert.rejects(start(twins({ permissions: { 'twin.read': { personalData: false, roles: ['analyst'] } } })), /permission twin\.read is declared twice: by twin-a and by twin-b/);
      await assert.rejects(start([...modules, stub('thief', { permissions: { 'cases.manage': { personalData: false, roles: ['resident'] } } })]), /permission cases\.manage is declared twice: by cases and by thief/);
      await assert.rejects(start([...modules, stub('thief', { permissions: { 'audit.read': { personalData: false, roles: ['resident'] } } })]), /permission audit\.read is declared twice: by kernel and by thief/);
      await assert.rejects(start(twins({ errors: { 'twin.gone': 410 } })), /error code twin\.gone is declared twice: by twin-a and by twin-b/);
      await assert.rejects(start([...modules, stub('thief', { errors: { 'case.closed': 200 } })]), /error code case\.closed is declared twice: by cases and by thief/);
      await assert.rejects(start(twins({ messages: [{ pl: { 'twin.x': 'x' }, en: { 'twin.x': 'x' } }] })), /message twin\.x is defined twice: by twin-a and by twin-b/);
      await assert.rejects(start([...modules, tinyModule, stub('thief', { jobs: () => ({ 'tiny.tick': async () => undefined }), schedules: [{ name: 'thief.hourly', queue: 'tiny.tick', everyMs: HOUR }] })]), /queue tiny\.tick is scheduled twice: by tiny and by thief/);
      assert.throws(() => installModules([...modules, stub('thief', { permissions: { 'thief.all': { personalData: false, roles: ['resident'] } }, errors: { 'case.closed': 200 } })]));
      assert.ok(!permissionsOf(['resident']).has('thief.all' as never), 'a failed start installs none of it');
      assert.ok(permissionsOf(['analyst']).has('tiny.read'), 'and keeps what was there');
    });
  },
  { modules: [...modules, tinyModule] },
);

test('a daily schedule runs at its Warsaw wall-clock time, across the changes of summer time', () => {
  const daily = { name: 'n', queue: 'q', dailyAt: '03:00' } as const;
  assert.deepEqual(nextOccurrence(daily, new Date('2026-12-07T01:59:59Z')), { period: '2026-12-07', at: new Date('2026-12-07T02:00:00Z') });
  assert.deepEqual(nextOccurrence(daily, new Date('2026-12-07T02:00:00Z')), { period: '2026-12-08', at: new Date('2026-12-08T02:00:00Z') }, 'strictly after');
  assert.deepEqual(nextOccurrence(daily, new Date('2026-07-07T12:00:00Z')), { period: '2026-07-08', at: new Date('2026-07-08T01:00:00Z') });
  // 29 March 2026: 02:00 → 03:00; 03:00 exists and is 01:00 UTC.
  assert.deepEqual(nextOccurrence(daily, new Date('2026-03-28T12:00:00Z')), { period: '2026-03-29', at: new Date('2026-03-29T01:00:00Z') });
  assert.deepEqual(nextOccurrence({ name: 'n', queue: 'q', everyMs: HOUR }, new Date('2026-12-07T10:30:00Z')), { period: '2026-12-07T11:00:00.000Z', at: new Date('2026-12-07T11:00:00Z') });
});
