import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeEachEngine } from '../support/harness';
import { applyFor, CARE, catalogueMunicipality, coordinator, serviceId } from './applications-helpers';
import { pageText } from '../support/pages';
import { person } from '../support/people';

describeEachEngine('applications: who read my data', (h) => {
  test("a resident sees every staff read of her applications — page, queue, export — and nobody else's", async () => {
    const m = await catalogueMunicipality(h, 'Gmina Przejrzysta');
    const { c: resident } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const { user: staffUser, c: staff } = await coordinator(h, m);
    const care = await serviceId(h, m, CARE);
    const id = await applyFor(h, resident, m, care);
    await applyFor(h, neighbour, m, care);

    const none = await resident.get(`/${m.slug}/applications/mine/reads`);
    assert.equal(none.statusCode, 200);
    assert.match(pageText(none.body), /Nikt z pracowników nie otwierał jeszcze Twoich wniosków/);

    assert.equal((await staff.get(`/${m.slug}/applications/${id}`)).statusCode, 200);
    assert.equal((await staff.get(`/${m.slug}/applications/services/${care}`)).statusCode, 200);
    assert.equal((await staff.get(`/${m.slug}/applications/services/${care}/export.csv`)).statusCode, 200);

    const reads = pageText((await resident.get(`/${m.slug}/applications/mine/reads`)).body);
    // Test accounts are named "Osoba" and 8 characters of their address.
    const who = `Osoba ${staffUser.email.slice(6, 14)}`;
    for (const where of ['strona wniosku', 'lista kolejki usługi', 'eksport kolejki \\(plik CSV\\)']) {
      assert.match(reads, new RegExp(`${who.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${where} ${CARE}`), where);
    }
    // The neighbour's application was read on the queue page and in the export only, never on its own page.
    const neighbours = pageText((await neighbour.get(`/${m.slug}/applications/mine/reads`)).body);
    assert.doesNotMatch(neighbours, /strona wniosku/);
    assert.match(neighbours, /lista kolejki usługi/);
    // Reading one's own reads is not itself a read of personal data by staff.
    assert.equal((await resident.get(`/${m.slug}/applications/mine/reads`)).statusCode, 200);
    assert.equal((reads.match(/ Usługi opiekuńcze/g) ?? []).length, 3);
  });
});
