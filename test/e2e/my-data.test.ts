import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TestClient } from '../support/client';
import { checkA11yOfHtml, useBrowser } from '../support/browser';
import { describeInBrowser } from '../support/harness';
import { catalogueMunicipality, coordinator } from '../modules/applications-helpers';
import { consentId, documentRows, EXE, fullResident, upload } from '../modules/my-data-helpers';
import { person } from '../support/people';

/**
 * The resident's own pages through axe-core in a real browser: the hub empty and full, documents
 * (and an upload refused), consents and the withdrawal's confirmation (allowed and refused), who read
 * my data; staff's documents of an application and of a case; the removal's confirmation.
 */
describeInBrowser('browser: my data pages pass axe-core', (h) => {
  const web = useBrowser(h);

  test('resident and staff pages: zero violations', async () => {
    const m = await catalogueMunicipality(h, 'Miasto Moich Danych');
    const { c: newcomer } = await person(h, m, ['resident']);
    const resident = await person(h, m, ['resident']);
    const { user: coord, c: staff } = await coordinator(h, m);
    const { user: approver } = await coordinator(h, m, ['director']);
    const full = await fullResident(h, m, { coord, approver, resident });
    const c = resident.c;
    // A staff read, so that "who read my data" has a row.
    assert.equal((await staff.get(`/${m.slug}/cases/${full.kase.id}/documents`)).statusCode, 200);
    const [doc] = await documentRows(h, m);

    const context = await web.browser.newContext();
    const page = await context.newPage();
    const pages: [TestClient, string][] = [
      [newcomer, `/${m.slug}/my`],
      [c, `/${m.slug}/my`],
      [c, `/${m.slug}/my/documents`],
      [c, `/${m.slug}/my/documents/new?application=${full.app}`],
      [c, `/${m.slug}/my/consents`],
      [c, `/${m.slug}/my/consents/${await consentId(h, m, full.app, 'provider_sharing')}/withdraw`],
      [c, `/${m.slug}/my/consents/${await consentId(h, m, full.app, 'cus_processing')}/withdraw`],
      [c, `/${m.slug}/my/reads`],
      [newcomer, `/${m.slug}/my/reads`],
      [c, `/${m.slug}/documents/${doc!.id}/remove`],
      [staff, `/${m.slug}/applications/${full.app}/documents`],
      [staff, `/${m.slug}/cases/${full.kase.id}/documents`],
    ];
    try {
      for (const [client, path] of pages) {
        const res = await client.get(path);
        assert.equal(res.statusCode, 200, path);
        await checkA11yOfHtml(page, `${web.base}${path}`, res.body, { status: 200 });
      }
      const refused = await upload(c, `/${m.slug}/my/documents`, { application: full.app, description: 'Faktura' }, { name: 'faktura.pdf', data: EXE });
      assert.equal(refused.statusCode, 422);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/my/documents`, refused.body, { status: 422 });
      const blocked = await c.post(`/${m.slug}/my/consents/${await consentId(h, m, full.app, 'cus_processing')}/withdraw`);
      assert.equal(blocked.statusCode, 409);
      await checkA11yOfHtml(page, `${web.base}/${m.slug}/my/consents/x/withdraw`, blocked.body, { status: 409 });
    } finally {
      await context.close();
    }
  });
});
