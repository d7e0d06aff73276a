import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemo } from '../../src/seed/demo';
import { NO_CONTEXT } from '../../src/platform/db/types';
import { municipalities } from '../../src/platform/tenancy/repository';
import { checkA11y, clickAndWait, useBrowser } from '../support/browser';
import { makeUser, type TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';

/**
 * Every demo person lands, after logging in, on their start page: what needs them now, per role, with
 * links; the menu is grouped and fits a 320 px phone behind one disclosure; the public home has the
 * search, the eligibility check, the centre's contact and its units. Every page passes axe.
 */

const SHOTS = '/tmp/shots';
const M = '/zyrardow';

interface Expected {
  email: string;
  /** A short name for screenshots. */
  who: string;
  sections: string[];
  links: [RegExp, string][];
}

const PEOPLE: Expected[] = [
  {
    email: 'mieszkanka@zyrardow.example', who: 'resident', sections: ['Twoje sprawy w Centrum'],
    links: [[/w kolejce, najbliższe miejsce: \d+/, '/applications/mine'], [/plan usług w realizacji/, '/my/plans'], [/skierowani[ea]? w toku/, '/my/referrals'], [/^Złóż wniosek o usługę$/, '/applications/new']],
  },
  {
    email: 'organizacja@zyrardow.example', who: 'ngo', sections: ['Twoja organizacja'],
    links: [[/czek\S* na przyjęcie lub odmowę/, '/referrals/inbox'], [/rezerwacj\S* sal\S* przed Tobą/, '/venues/bookings'], [/organizacj\S*, w któr\S* działasz/, '/organisations/mine'], [/zaproszeni\S* organizacji czek\S* na odpowiedź/, '/meetings/inbox']],
  },
  {
    email: 'koordynator@zyrardow.example', who: 'coordinator', sections: ['Koordynacja usług'],
    links: [[/czek\S* w kolejkach na decyzję/, '/applications'], [/czek\S* na plan/, '/cases?due=1'], [/bez odpowiedzi po terminie/, '/referrals/overdue']],
  },
  { email: 'dyrektor@zyrardow.example', who: 'director', sections: ['Dyrekcja'], links: [[/czek\S* na zatwierdzenie/, '/plans/awaiting']] },
  {
    email: 'organizator@zyrardow.example', who: 'organiser', sections: ['Organizowanie społeczności'],
    links: [[/czek\S* na weryfikację/, '/organisations/queue'], [/o salę czek\S* na decyzję/, '/venues/queue'], [/spotka\S* w ciągu 14 dni/, '/meetings'], [/^Zaplanuj spotkanie$/, '/meetings/new']],
  },
  { email: 'audytor@zyrardow.example', who: 'auditor', sections: ['Audyt'], links: [[/^Przejrzyj dziennik zdarzeń$/, '/audit'], [/^1 dostęp awaryjny do przejrzenia$/, '/cases/glass']] },
];

async function logInAs(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/^Adres e-mail/).fill(email);
  await page.getByLabel(/^Hasło/).fill(password);
  await clickAndWait(page, page.getByRole('button', { name: 'Zaloguj się' }));
}

async function assertNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= 320, `${label} is ${width} px wide at 320 px`);
}

describeInBrowser('start page', (h) => {
  const web = useBrowser(h, async () => {
    await seedDemo(h.db);
  });
  fs.mkdirSync(SHOTS, { recursive: true });

  for (const person of PEOPLE) {
    test(`${person.email} logs in and lands on what needs them now, with working links, at 1280 and 320 px`, async () => {
      const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      try {
        await logInAs(page, web.base, person.email);
        assert.equal(new URL(page.url()).pathname, M, 'logging in lands on the start page, not on /account');
        assert.equal(await page.locator('h1').innerText(), 'Co na Ciebie czeka');
        const main = page.getByRole('main');
        for (const s of person.sections) assert.equal(await main.getByRole('heading', { level: 2, name: s }).count(), 1, s);
        for (const [name, href] of person.links) {
          const link = main.getByRole('link', { name });
          assert.equal(await link.count(), 1, `${person.who}: a link ${name}`);
          assert.equal(await link.getAttribute('href'), `${M}${href}`);
        }
        assert.ok(!/imię|PESEL/i.test(await main.innerText()), 'counts only');
        await checkA11y(page, `start page of ${person.who}`);
        if (['resident', 'coordinator', 'ngo'].includes(person.who)) await page.screenshot({ path: `${SHOTS}/start-${person.who}-1280.png`, fullPage: true });

        await page.setViewportSize({ width: 320, height: 800 });
        await assertNoSidewaysScroll(page, `start page of ${person.who}`);
        await checkA11y(page, `start page of ${person.who} at 320 px`);
        if (['resident', 'coordinator', 'ngo'].includes(person.who)) await page.screenshot({ path: `${SHOTS}/start-${person.who}-320.png`, fullPage: true });

        // The first link takes the person where it says; staff who have not enrolled the second factor yet enrol first, then go on there.
        const [first, target] = person.links[0]!;
        await clickAndWait(page, main.getByRole('link', { name: first }));
        const landed = new URL(page.url());
        const arrived = landed.pathname === '/account/mfa' ? landed.searchParams.get('next') : landed.pathname + landed.search;
        assert.equal(arrived, `${M}${target}`);
      } finally {
        await context.close();
      }
    });
  }

  test('the phone menu: one disclosure at 320 px, opened and walked by keyboard, grouped, no sideways scroll; grouped in full on a wide screen', async () => {
    const context = await web.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    try {
      await logInAs(page, web.base, 'organizacja@zyrardow.example');
      const summary = page.locator('details.nav-narrow > summary');
      assert.ok(await summary.isVisible(), 'the Menu disclosure shows on a phone');
      assert.ok(!(await page.locator('nav.nav-wide').isVisible()), 'the full menu is hidden on a phone');
      assert.ok(!(await page.getByRole('link', { name: 'Skierowania do organizacji' }).isVisible()), 'closed at first: the phone menu stays short');
      let steps = 0;
      while (!(await summary.evaluate((el) => el === document.activeElement)) && steps++ < 15) await page.keyboard.press('Tab');
      assert.ok(steps < 15, 'Menu is reachable by Tab');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('details.nav-narrow').getAttribute('open'), '');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Strona główna', 'Tab goes into the open menu');
      const menu = page.locator('details.nav-narrow nav');
      assert.deepEqual(await menu.locator('ul').evaluateAll((lists) => lists.map((l) => l.getAttribute('aria-label'))), ['Oferta Centrum', 'Moja organizacja']);
      const inbox = menu.getByRole('link', { name: 'Skierowania do organizacji' });
      assert.equal(await inbox.getAttribute('href'), `${M}/referrals/inbox`, 'the referrals inbox is in the menu');
      await assertNoSidewaysScroll(page, 'the open phone menu');
      await checkA11y(page, 'start page with the phone menu open');
      await page.screenshot({ path: `${SHOTS}/start-ngo-320-menu.png`, fullPage: true });

      await page.setViewportSize({ width: 1280, height: 900 });
      assert.ok(await page.locator('nav.nav-wide').isVisible());
      assert.ok(!(await summary.isVisible()));
      assert.ok(await page.locator('nav.nav-wide').getByRole('link', { name: 'Skierowania do organizacji' }).isVisible());
    } finally {
      await context.close();
    }
  });

  test('a coordinator who is also a resident sees "Sprawy mieszkańców" at work and "Moje sprawy w CUS" for themselves, in two groups', async () => {
    const m = await h.db.tx(NO_CONTEXT, (sql) => municipalities.bySlug(sql, 'zyrardow'));
    const both: TestUser = await makeUser(h.db, { municipality: m!, roles: ['resident', 'coordinator'] });
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await logInAs(page, web.base, both.email, both.password);
      assert.equal(new URL(page.url()).pathname, M);
      const nav = page.locator('nav.nav-wide');
      assert.equal(await nav.getByRole('list', { name: 'Dla mnie' }).getByRole('link', { name: 'Moje sprawy w CUS' }).count(), 1);
      assert.equal(await nav.getByRole('list', { name: 'Moja praca' }).getByRole('link', { name: 'Sprawy mieszkańców' }).count(), 1);
      assert.equal(await nav.getByRole('link', { name: 'Sprawy', exact: true }).count(), 0);
      const main = page.getByRole('main');
      for (const s of ['Twoje sprawy w Centrum', 'Koordynacja usług']) assert.equal(await main.getByRole('heading', { level: 2, name: s }).count(), 1, s);
      // Their own section holds what waits for them as a resident: the demo's open residents' survey, to their link.
      const own = main.locator('section', { has: page.locator('#start-resident') });
      assert.equal(await own.getByRole('link', { name: 'Otwarte ankiety, które możesz wypełnić: 1' }).getAttribute('href'), `${M}/ankiety`);
      assert.equal(await own.locator('.start-nothing').count(), 0, 'not said to be empty when something waits');
      await checkA11y(page, 'start page of a coordinator who is a resident');
    } finally {
      await context.close();
    }
  });

  test('the public home: search box, "Z czego mogę skorzystać?", the centre’s contact and its units; login without next lands on it', async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const scripted = await web.browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    try {
      await page.goto(`${web.base}${M}`);
      assert.equal(await page.locator('h1').innerText(), 'Centrum Usług Społecznych w Żyrardowie');
      const main = page.getByRole('main');
      assert.equal(await main.getByRole('link', { name: 'Z czego mogę skorzystać?' }).getAttribute('href'), `${M}/check`);
      assert.equal(await main.getByRole('heading', { name: 'Kontakt z Centrum' }).count(), 1);
      assert.equal(await main.getByRole('link', { name: '46 855 00 10' }).first().getAttribute('href'), 'tel:468550010');
      assert.equal(await main.getByRole('heading', { name: 'Jednostki i działy' }).count(), 1);
      await main.getByRole('searchbox', { name: 'Czego szukasz?' }).fill('opieka');
      await clickAndWait(page, main.getByRole('button', { name: 'Szukaj usług' }));
      assert.equal(new URL(page.url()).pathname, `${M}/services`);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'opieka');

      const phone = await scripted.newPage();
      await phone.goto(`${web.base}${M}`);
      await assertNoSidewaysScroll(phone, 'the public home');
      await checkA11y(phone, 'the public home at 320 px');
      // Every page's footer links the centre's accessibility statement.
      await clickAndWait(phone, phone.locator('footer').getByRole('link', { name: 'Deklaracja dostępności' }));
      assert.equal(new URL(phone.url()).pathname, `${M}/deklaracja-dostepnosci`);
      assert.equal(await phone.locator('h1').innerText(), 'Deklaracja dostępności');
      await assertNoSidewaysScroll(phone, 'the accessibility statement');
      await checkA11y(phone, 'the accessibility statement at 320 px');
    } finally {
      await context.close();
      await scripted.close();
    }
  });
});
