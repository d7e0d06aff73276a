import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { checkA11yOfHtml, clickAndWait, logInPage, useBrowser } from '../support/browser';
import { makeMunicipality } from '../support/factories';
import type { TestUser } from '../support/factories';
import { describeInBrowser } from '../support/harness';
import { ownerQuery } from '../support/db';
import { draft, offerForm, organisation, person, publishedCall, setCloses } from '../modules/commissioning-helpers';

const h1 = (page: Page) => page.locator('h1').innerText();
const main = (page: Page) => page.locator('main').innerText();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describeInBrowser('browser: agreements and reports of commissioned tasks', (h) => {
  let m: MunicipalityRow;
  let officer: TestUser;
  let member: TestUser;
  let agreementId = '';
  const web = useBrowser(h, async () => {
    m = await makeMunicipality(h.db, 'Gmina Umów');
    const staff = await person(h, m, ['grants_officer']);
    const ngo = await person(h, m, ['ngo_member']);
    officer = staff.user;
    member = ngo.user;
    const org = await organisation(h, m, 'Stowarzyszenie „Lniana Nić”', [member.id]);
    const callId = await publishedCall(staff.c, m);
    const offerId = await draft(ngo.c, m, callId, org);
    await ngo.c.post(`/${m.slug}/grants/offers/${offerId}`, offerForm(1));
    await ngo.c.post(`/${m.slug}/grants/offers/${offerId}/submit`, { confirmed: 'yes', version: '2' });
    await staff.c.post(`/${m.slug}/grants/offers/${offerId}/decision`, { kind: 'awarded', amount: '28 000', reasons: 'Oferta uzyskała 85 pkt.' });
    await setCloses(h, m, callId, '-1 minute');
    await staff.c.post(`/${m.slug}/grants/calls/${callId}/results`, {});
    const created = await staff.c.post(`/${m.slug}/grants/offers/${offerId}/agreement`, {});
    agreementId = /agreements\/([0-9a-f-]{36})/.exec(created.headers.location ?? '')![1]!;
  });

  test('without JavaScript: the member submits the updated budget, staff accept and sign, the member submits the final report, staff accept it; axe and 320 px on each page', async () => {
    const ngoContext = await web.browser.newContext({ javaScriptEnabled: false });
    const staffContext = await web.browser.newContext({ javaScriptEnabled: false });
    const a11y = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const ngo = await ngoContext.newPage();
    const staff = await staffContext.newPage();
    const axePage = await a11y.newPage();
    const check = async (page: Page) => checkA11yOfHtml(axePage, page.url(), await page.content(), { label: `${page.url()} (${await h1(page)})` });
    const g = `/${m.slug}/grants`;
    try {
      await logInPage(ngo, web.base, member, `${g}/agreements`);
      assert.equal(await h1(ngo), 'Umowy o realizację zadań publicznych');
      await check(ngo);
      await clickAndWait(ngo, ngo.getByRole('link', { name: /Umowa nr .*: Aktywny senior 2027/ }));
      assert.match(await main(ngo), /Dotacja jest niższa od wnioskowanej/);
      await check(ngo);

      await clickAndWait(ngo, ngo.getByRole('link', { name: 'Złóż zaktualizowany harmonogram i kosztorys' }));
      await check(ngo);
      await ngo.locator('[name="cost_0_grant"]').fill('24 000');
      await ngo.locator('[name="cost_0_total"]').fill('28 000');
      await ngo.getByLabel('Uzasadnienie wniosku').fill('Dotacja niższa o 2 000 zł: mniej godzin zajęć.');
      await clickAndWait(ngo, ngo.getByRole('button', { name: 'Wyślij wniosek' }));
      assert.match(await main(ngo), /Pozycja 1: źródła finansowania dają razem 29\s000,00 zł, a koszt pozycji to 28\s000,00 zł/, 'the line’s sum named, in Polish');
      await check(ngo);
      await ngo.locator('[name="cost_0_grant"]').fill('23 000');
      await clickAndWait(ngo, ngo.getByRole('button', { name: 'Wyślij wniosek' }));
      assert.match(await main(ngo), /Wniosek wysłany/);
      await check(ngo);

      await logInPage(staff, web.base, officer, `${g}/agreements/${agreementId}`);
      assert.match(await main(staff), /Wniosek czekający na odpowiedź/);
      await check(staff);
      await staff.getByLabel(/^Przyjmij/).check();
      await clickAndWait(staff, staff.getByRole('button', { name: 'Zapisz odpowiedź' }));
      assert.match(await main(staff), /Obowiązujące warunki: Wersja 2 — zaktualizowany harmonogram i kosztorys/);
      await check(staff);
      await clickAndWait(staff, staff.getByRole('button', { name: 'Oznacz jako gotową do podpisu' }));
      assert.match(await main(staff), /gotowa do podpisu/);
      await check(staff);
      await staff.getByLabel('Data podpisania umowy').fill(today());
      await clickAndWait(staff, staff.getByRole('button', { name: 'Zapisz podpisanie umowy' }));
      assert.match(await main(staff), /podpisana — zadanie w realizacji/);
      await check(staff);

      await ngo.goto(`${web.base}${g}/agreements/${agreementId}`);
      await ngo.getByLabel('Sprawozdanie końcowe').check();
      await clickAndWait(ngo, ngo.getByRole('button', { name: 'Rozpocznij sprawozdanie' }));
      assert.match(await h1(ngo), /^Sprawozdanie końcowe — umowa nr /);
      await check(ngo);
      await ngo.getByLabel('Co zostało zrobione').fill('Zajęcia ruchowe dla 104 seniorów od marca do listopada.');
      await ngo.getByLabel('Osiągnięte rezultaty w porównaniu z zakładanymi').fill('104 uczestników (zakładano 100), 310 godzin zajęć (zakładano 300).');
      for (const [name, value] of [['expense_0_total', '28 000'], ['expense_0_grant', '23 000'], ['expense_0_own_financial', '5 000'], ['expense_1_total', '6 000'], ['expense_1_grant', '5 000'], ['expense_1_own_in_kind', '500']]) {
        await ngo.locator(`[name="${name}"]`).fill(value!);
      }
      await clickAndWait(ngo, ngo.getByRole('button', { name: 'Złóż sprawozdanie' }));
      assert.match(await main(ngo), /Pozycja 2: źródła finansowania dają razem 5\s500,00 zł, a koszt pozycji to 6\s000,00 zł/);
      await check(ngo);
      await ngo.locator('[name="expense_1_volunteer"]').fill('500');
      await clickAndWait(ngo, ngo.getByRole('button', { name: 'Złóż sprawozdanie' }));
      assert.match(await main(ngo), /Sprawozdanie złożone/);
      await check(ngo);

      const [report] = await ownerQuery<{ id: string }>(h, 'SELECT id FROM commissioning_reports WHERE municipality_id = $1', [m.id]);
      await staff.goto(`${web.base}${g}/reports/${report!.id}`);
      await check(staff);
      await staff.getByLabel('Przyjmij sprawozdanie').check();
      await clickAndWait(staff, staff.getByRole('button', { name: 'Zapisz ocenę' }));
      assert.match(await main(staff), /Stan\s+przyjęte/);
      await check(staff);
    } finally {
      await ngoContext.close();
      await staffContext.close();
      await a11y.close();
    }
  });
});
