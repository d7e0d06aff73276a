import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { promisify } from 'node:util';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { person } from '../support/people';

/** The Nu Html Checker (the W3C validator) from the vnu-jar package; it needs Java 11 or later. */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));
const javaMissing = spawnSync('java', ['-version']).status !== 0 ? 'no java on PATH: the Nu Html Checker needs it' : false;

interface VnuMessage { type: string; url: string; message: string; extract?: string; subType?: string }

async function nuErrors(pages: Record<string, string>): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vnu-'));
  try {
    const files = Object.entries(pages).map(([name, html]) => {
      const file = path.join(dir, `${name}.html`);
      fs.writeFileSync(file, html);
      return file;
    });
    // vnu exits 1 when it finds errors; the report is on stderr either way.
    const { stderr } = await promisify(execFile)('java', ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', ...files], { maxBuffer: 16 * 1024 * 1024 }).catch((e: { stderr: string }) => e);
    const messages = (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
    return messages.filter((x) => x.type === 'error' || x.subType === 'fatal').map((x) => `${path.basename(x.url)}: ${x.message} [${x.extract ?? ''}]`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('HTML the Nu Html Checker accepts', (h) => {
  let m: MunicipalityRow;
  before(async () => {
    m = await makeMunicipality(h.db, 'Gmina Walidowana');
    await h.db.tx({ municipalityId: m.id, userId: null }, (sql) => seedCatalogFixtures(sql, m.id));
  });

  test('home, search, a service, forms refused with errors (an impossible date, required selects) and a staff list: no errors', { skip: javaMissing, timeout: 180_000 }, async () => {
    const get = async (url: string) => {
      const res = await h.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      return res.body;
    };
    const search = await get(`/${m.slug}/services?q=opieka`);
    const serviceHref = /<li class="result"><h3><a href="([^"]+)"/.exec(search)?.[1];
    assert.ok(serviceHref, 'the search finds a service');
    const organiser = (await person(h, m, ['community_organiser'])).c;
    const meeting = await organiser.post(`/${m.slug}/meetings`, { title: '', day: '2020-13-45', starts: '17:00', ends: '19:00', where: 'address', address: '' });
    assert.equal(meeting.statusCode, 422);
    assert.match(meeting.body, /name="day" type="text" value="2020-13-45"/, 'the impossible date comes back as typed');
    const catalogEditor = (await person(h, m, ['director'])).c;
    const service = await catalogEditor.post(`/${m.slug}/catalog/services`, { name: '' });
    assert.equal(service.statusCode, 422, 'the new service form refused');
    const admin = (await person(h, m, ['administrator'])).c;
    const staffList = await admin.get(`/${m.slug}/staff`);
    assert.equal(staffList.statusCode, 200);
    const pages: Record<string, string> = {
      home: await get(`/${m.slug}`),
      search,
      service: await get(serviceHref),
      'meeting-refused': meeting.body,
      'staff-list': staffList.body,
      'service-refused': service.body,
    };
    assert.deepEqual(await nuErrors(pages), []);
  });
});
