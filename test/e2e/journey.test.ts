import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { totpCode } from '../../src/platform/auth/totp';
import { units } from '../../src/platform/tenancy/repository';
import { checkA11y, checkA11yOfHtml, clickAndWait, focusedId, isFocused, resultsPath, useBrowser } from '../support/browser';
import { makeMunicipality, makeUser, uniq } from '../support/factories';
import { describeInBrowser } from '../support/harness';

/** Clicks something that submits a form or follows a link and waits for the next page to load. */

const h1 = (page: Page) => page.locator('h1').innerText();
const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describeInBrowser('browser journey', (h) => {
  const web = useBrowser(h);
  /** Mail links carry the configured PUBLIC_URL (http://localhost:3000); the test server listens elsewhere. */
  const local = (link: string) => web.base + new URL(link).pathname;

  test('a resident registers, confirms, logs in, switches language and logs out — without JavaScript', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext();
    const page = await context.newPage();
    /** axe needs JavaScript: each page the person sees is re-opened in a scripted twin (same cookies) and checked there. */
    const axePage = await a11y.newPage();
    const check = async (html = '') => {
      await a11y.clearCookies();
      await a11y.addCookies(await context.cookies());
      const label = `${page.url()} (${await h1(page)})`;
      if (html) await checkA11yOfHtml(axePage, page.url(), html, { label });
      else {
        await axePage.goto(page.url());
        await checkA11y(axePage, label);
      }
    };
    // Form responses (POST) cannot be re-requested safely: check the very HTML the person got.
    const snapshot = () => page.content();
    const email = `ala-${uniq()}@example.pl`;
    const name = 'Alicja Łęcka-Testowa';
    const password = `Pochmurny-Wiatrak-${uniq()}`;
    try {
      await page.goto(`${web.base}/`);
      assert.equal(await htmlLang(page), 'pl');
      assert.equal(await h1(page), 'Wspólnota');
      await check();

      await clickAndWait(page, page.getByRole('link', { name: 'Załóż konto' }));
      assert.equal(new URL(page.url()).pathname, '/register');
      assert.equal(await h1(page), 'Załóż konto');
      await check();

      // A weak password first: the form comes back with an error summary and what was typed.
      await page.getByLabel(/^Imię i nazwisko/).fill(name);
      await page.getByLabel(/^Adres e-mail/).fill(email);
      await page.getByLabel(/^Hasło/).fill('password1234');
      await page.getByLabel(/^Powtórz hasło/).fill('password1234');
      await clickAndWait(page, page.getByRole('button', { name: 'Załóż konto' }));
      const summary = page.locator('#error-summary');
      assert.equal(await summary.getAttribute('role'), 'alert');
      assert.equal(await summary.getAttribute('tabindex'), '-1');
      assert.match(await summary.innerText(), /Formularz zawiera 1 błąd/);
      assert.match(await summary.innerText(), /łatwo odgadnąć/);
      assert.equal(await page.getByLabel(/^Imię i nazwisko/).inputValue(), name);
      assert.equal(await page.getByLabel(/^Adres e-mail/).inputValue(), email);
      assert.equal(await page.getByLabel(/^Hasło/).inputValue(), '', 'passwords are never echoed back');
      assert.equal(await page.getByLabel(/^Hasło/).getAttribute('aria-invalid'), 'true');
      await check(await snapshot());
      // The summary takes focus and its link leads to the field (the same in the scripted twin).
      await summary.focus();
      assert.equal(await focusedId(page), 'error-summary');
      const fix = summary.getByRole('link', { name: /^Hasło:/ });
      assert.equal(await fix.getAttribute('href'), '#f-password');
      await fix.click();
      assert.equal(await focusedId(page), 'f-password');

      await page.getByLabel(/^Hasło/).fill(password);
      await page.getByLabel(/^Powtórz hasło/).fill(password);
      await clickAndWait(page, page.getByRole('button', { name: 'Załóż konto' }));
      assert.equal(await h1(page), 'Sprawdź skrzynkę e-mail');
      assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.]/g, '\\.')));
      await check(await snapshot());

      // The mail, read in the development mailbox.
      await h.worker.drain();
      await page.goto(`${web.base}/dev/mail`);
      assert.equal(await h1(page), 'Poczta testowa');
      await check();
      const mail = page.locator('article.mail', { hasText: email }).first();
      const confirmHref = await mail.locator('a[href*="/confirm/"]').getAttribute('href');
      assert.ok(confirmHref, 'the mail holds a confirmation link');
      await page.goto(local(confirmHref));
      assert.equal(await h1(page), 'Potwierdzenie adresu e-mail');
      await check();
      await clickAndWait(page, page.getByRole('button', { name: 'Potwierdzam adres e-mail' }));
      assert.match(await page.locator('main').innerText(), /Adres e-mail został potwierdzony/);
      await check(await snapshot());

      await clickAndWait(page, page.getByRole('main').getByRole('link', { name: 'Zaloguj się' }));
      assert.equal(new URL(page.url()).pathname, '/login');
      await check();
      await page.getByLabel(/^Adres e-mail/).fill(email);
      await page.getByLabel(/^Hasło/).fill(password);
      await clickAndWait(page, page.getByRole('button', { name: 'Zaloguj się' }));
      // Someone of no municipality yet lands on the list of municipalities, to join theirs (a member lands on its start page).
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match(await page.locator('.flash').innerText(), /Zalogowano/);
      await check();
      await page.goto(`${web.base}/account`);
      assert.equal(await h1(page), 'Moje konto');
      await check();

      // The header's language button: English from here on, remembered across pages.
      await clickAndWait(page, page.getByRole('button', { name: /English/ }));
      assert.equal(new URL(page.url()).pathname, '/account');
      assert.equal(await htmlLang(page), 'en');
      assert.equal(await h1(page), 'My account');
      await check();
      await page.goto(`${web.base}/`);
      assert.equal(await htmlLang(page), 'en');
      assert.equal(await page.locator('.lead').first().innerText(), 'An open platform for Social Services Centres');
      assert.equal(await page.getByRole('heading', { level: 2 }).first().innerText(), 'Municipalities using the platform');
      assert.equal(await page.getByRole('link', { name: 'My account' }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Zmień język na polski' }).count(), 1);
      await check();

      await clickAndWait(page, page.getByRole('button', { name: 'Log out' }));
      assert.equal(new URL(page.url()).pathname, '/');
      assert.equal(await htmlLang(page), 'en');
      assert.match(await page.locator('.flash').innerText(), /You have logged out/);
      assert.equal(await page.getByRole('link', { name: 'Log in' }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Log out' }).count(), 0);
      await check(await snapshot());
      await page.goto(`${web.base}/account`);
      assert.equal(new URL(page.url()).pathname, '/login', 'the session is gone');
      await check();
    } finally {
      await context.close();
      await a11y.close();
    }
  });

  test('keyboard: the skip link comes first and moves focus to the content', async () => {
    const context = await web.browser.newContext();
    try {
      const page = await context.newPage();
      for (const path of ['/', '/login', '/register']) {
        await page.goto(`${web.base}${path}`);
        await page.keyboard.press('Tab');
        const skip = page.locator('a.skip-link');
        assert.equal(await isFocused(skip), true, `skip link focused first on ${path}`);
        assert.equal(await skip.innerText(), 'Przejdź do treści');
        // Visible once focused (it sits off-screen until then).
        const box = await skip.boundingBox();
        assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
        await page.keyboard.press('Enter');
        assert.equal(await focusedId(page), 'main', `focus moved to main on ${path}`);
        await checkA11y(page);
      }
    } finally {
      await context.close();
    }
  });

  test('a staff member enrols 2FA on the way to the audit log', async () => {
    const municipality = await makeMunicipality(h.db, 'Gmina Audytowa');
    const staff = await makeUser(h.db, { municipality, roles: ['auditor'], totp: false });
    // Without JavaScript for the login form, as many public-sector desktops are locked down.
    const noJs = await web.browser.newContext({ javaScriptEnabled: false });
    const context = await web.browser.newContext();
    try {
      const plain = await noJs.newPage();
      await plain.goto(`${web.base}/login?next=${encodeURIComponent(`/${municipality.slug}/audit`)}`);
      await plain.getByLabel(/^Adres e-mail/).fill(staff.email);
      await plain.getByLabel(/^Hasło/).fill('not-the-password');
      await clickAndWait(plain, plain.getByRole('button', { name: 'Zaloguj się' }));
      assert.match(await plain.locator('#error-summary').innerText(), /Nieprawidłowy adres e-mail lub hasło/);
      assert.equal(await plain.getByLabel(/^Adres e-mail/).inputValue(), staff.email);
      await plain.getByLabel(/^Hasło/).fill(staff.password);
      await clickAndWait(plain, plain.getByRole('button', { name: 'Zaloguj się' }));
      // Staff without 2FA are sent to enrol before the page with personal data.
      assert.equal(new URL(plain.url()).pathname, '/account/mfa');
      assert.equal(await h1(plain), 'Włącz logowanie dwuetapowe');

      const page = await context.newPage();
      await page.goto(`${web.base}/login`);
      await checkA11y(page);
      await page.getByLabel(/^Adres e-mail/).fill(staff.email);
      await page.getByLabel(/^Hasło/).fill(staff.password);
      await clickAndWait(page, page.getByRole('button', { name: 'Zaloguj się' }));
      assert.equal(new URL(page.url()).pathname, `/${municipality.slug}`, 'staff land on their start page');
      await checkA11y(page);

      await page.goto(`${web.base}/${municipality.slug}/audit`);
      assert.equal(new URL(page.url()).pathname, '/account/mfa');
      assert.equal(new URL(page.url()).searchParams.get('next'), `/${municipality.slug}/audit`);
      assert.equal(await h1(page), 'Włącz logowanie dwuetapowe');
      assert.match(await page.locator('.notice').innerText(), /Jako pracownik/);
      await checkA11y(page);

      // A wrong code first: the error is shown on the form.
      await page.getByLabel(/^Kod z aplikacji/).fill('000000');
      await clickAndWait(page, page.getByRole('button', { name: 'Włącz' }));
      assert.match(await page.locator('#error-summary').innerText(), /Kod jest nieprawidłowy/);
      await checkA11y(page);

      const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{32}$/);
      await page.getByLabel(/^Kod z aplikacji/).fill(totpCode(secret));
      await clickAndWait(page, page.getByRole('button', { name: 'Włącz' }));
      // The recovery codes are shown once (review 1 #3), with the way on to where the person was going.
      assert.equal(await h1(page), 'Kody odzyskiwania');
      assert.match(await page.getByRole('status').first().innerText(), /Logowanie dwuetapowe zostało włączone/);
      assert.equal(await page.locator('code.recovery-code').count(), 10);
      await checkA11y(page);
      await clickAndWait(page, page.getByRole('link', { name: 'Dalej' }));
      assert.equal(new URL(page.url()).pathname, `/${municipality.slug}/audit`);
      assert.equal(await h1(page), 'Dziennik zdarzeń');
      await checkA11y(page);
    } finally {
      await noJs.close();
      await context.close();
    }
  });

  test('the municipality home page looks right (screenshot)', async () => {
    const municipality = await makeMunicipality(h.db, 'Miasto Widokowe');
    const list = [
      { name: 'Dział Organizowania Usług Społecznych', description: 'Program usług społecznych, katalog usług i wnioski mieszkańców.', address: 'ul. Główna 1, 00-001 Widok', phone: '46 855 00 10', email: 'uslugi@cus.example' },
      { name: 'Zespół Koordynatorów Indywidualnych Planów Usług Społecznych', description: 'Indywidualne plany usług (IPUS) układane razem z mieszkańcami.', address: 'ul. Główna 1, 00-001 Widok', phone: '46 855 00 20', email: 'ipus@cus.example' },
      { name: 'Dział Pomocy Społecznej', description: 'Świadczenia, praca socjalna, wsparcie rodzin.', address: 'ul. Boczna 45, 00-001 Widok', phone: '46 855 00 30', email: 'pomoc@cus.example' },
      { name: 'Klub Seniora', description: '', address: '', phone: '', email: 'klub@cus.example' },
    ];
    await h.db.tx({ municipalityId: municipality.id, userId: null }, async (sql) => {
      for (const [i, u] of list.entries()) await units.insert(sql, municipality.id, u, i);
    });
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const res = await page.goto(`${web.base}/${municipality.slug}`);
      assert.equal(res?.status(), 200);
      assert.equal(await h1(page), municipality.cus_name);
      assert.equal(await page.locator('.cards > li').count(), list.length);
      await checkA11y(page);
      await page.screenshot({ path: resultsPath(`municipality-${h.engine}.png`), fullPage: true });
      // Narrow screens (320 CSS px, WCAG 1.4.10 reflow): nothing scrolls sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      assert.equal(overflow, 0, 'no horizontal scrolling at 320 px');
      await checkA11y(page);
      await page.screenshot({ path: resultsPath(`municipality-${h.engine}-narrow.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });
}, { env: { DEV_MAILBOX: 'true' } });
