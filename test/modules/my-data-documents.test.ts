import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { attachmentHeader, documentFilename } from '../../src/modules/my-data';
import { describeEachEngine } from '../support/harness';
import { catalogueMunicipality, coordinator } from './applications-helpers';
import { applied, auditOf, documentRows, EXE, openCase, PDF, PNG, upload } from './my-data-helpers';
import { pageText } from '../support/pages';
import { person } from '../support/people';

const errorOf = (body: string) => /id="f-file-error">([^<]*)</.exec(body)?.[1] ?? '';

test('a kept name is the last segment without quotes or control characters, with the extension of what the file is; the header is safe', () => {
  assert.equal(documentFilename('C:\\Users\\ja\\"skan"\u0007 nr 1.PDF', 'image/jpeg'), 'skan nr 1.jpg');
  assert.equal(documentFilename('../../.pdf', 'application/pdf'), 'dokument.pdf');
  assert.equal(attachmentHeader('a"b\r\nc.pdf'), `attachment; filename="a_b__c.pdf"; filename*=UTF-8''a%22b%0D%0Ac.pdf`);
});

describeEachEngine('my data: documents', (h) => {
  test('a resident uploads to her application: types by their bytes, size and emptiness refused in Polish, nothing partial kept', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Dokumentów');
    const { user, c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const app = await applied(h, c, m);
    const other = await applied(h, neighbour, m, { beneficiary_name: 'Zofia Sąsiedzka' });
    const url = `/${m.slug}/my/documents`;

    const form = await c.get(`${url}/new?application=${app}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, new RegExp(`<option value="${app}" selected`));

    const ok = await upload(c, url, { application: app, description: 'Zaświadczenie od lekarza' }, { name: 'zaświadczenie.pdf', data: PDF, type: 'application/pdf' });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    // A PNG called .pdf and declared as a PDF is what its bytes say: a PNG, named so.
    const png = await upload(c, url, { application: app }, { name: 'C:\\skany\\skan.pdf', data: PNG, type: 'application/pdf' });
    assert.equal(png.statusCode, 303);
    let rows = await documentRows(h, m);
    assert.deepEqual(rows.map((r) => [r.filename, r.media_type, r.size_bytes, r.application_id, r.uploaded_by]), [
      ['zaświadczenie.pdf', 'application/pdf', PDF.length, app, user.id],
      ['skan.png', 'image/png', PNG.length, app, user.id],
    ]);
    assert.equal(rows[0]!.sha256, crypto.createHash('sha256').update(PDF).digest('hex'));

    const refusals: [string, { name: string; data: Buffer; type?: string } | undefined, RegExp][] = [
      ['executable', { name: 'program.exe', data: EXE, type: 'application/x-msdownload' }, /To nie jest plik PDF, JPEG ani PNG/],
      ['executable named .pdf', { name: 'faktura.pdf', data: EXE, type: 'application/pdf' }, /To nie jest plik PDF, JPEG ani PNG/],
      ['6 MB', { name: 'duży.pdf', data: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), type: 'application/pdf' }, /Plik jest za duży: najwyżej 5 MB/],
      ['empty', { name: 'pusty.pdf', data: Buffer.alloc(0) }, /Plik jest pusty/],
      ['none', undefined, /Wybierz plik do dodania/],
    ];
    for (const [what, file, message] of refusals) {
      const res = await upload(c, url, { application: app, description: 'Opis, który zostaje' }, file);
      assert.equal(res.statusCode, 422, what);
      assert.match(errorOf(res.body), message, what);
      assert.match(res.body, /Opis, który zostaje/, `${what}: the description typed comes back`);
    }
    const json = await upload(c, url, { application: app }, { name: 'a.exe', data: EXE });
    assert.equal(json.statusCode, 422);
    // Someone else's application is not one to choose.
    const foreign = await upload(c, url, { application: other }, { name: 'a.pdf', data: PDF });
    assert.equal(foreign.statusCode, 422);
    assert.match(pageText(foreign.body), /Wniosek, do którego dołączasz dokument: Nieprawidłowa wartość/);
    rows = await documentRows(h, m);
    assert.equal(rows.length, 2, 'nothing of a refused upload is kept');
    assert.equal((await auditOf(h, m, 'document.uploaded')).length, 2);

    const mine = pageText((await c.get(url)).body);
    assert.match(mine, /zaświadczenie\.pdf PDF, 1 KB Zaświadczenie od lekarza wniosek: Usługi opiekuńcze/);
    assert.doesNotMatch(pageText((await neighbour.get(url)).body), /zaświadczenie/);
  });

  test('download: the owner unaudited, staff audited with cases and ids, another resident 404; removal keeps the record', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Pobrań');
    const { user, c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const { user: staffUser, c: staff } = await coordinator(h, m);
    const app = await applied(h, c, m);
    assert.equal((await upload(c, `/${m.slug}/my/documents`, { application: app }, { name: 'Łąka; żyto x.pdf', data: PDF })).statusCode, 303);
    const [doc] = await documentRows(h, m);
    const href = `/${m.slug}/documents/${doc!.id}`;

    const own = await c.get(href);
    assert.equal(own.statusCode, 200);
    assert.deepEqual(own.rawPayload, PDF);
    assert.equal(own.headers['content-type'], 'application/pdf');
    assert.equal(own.headers['x-content-type-options'], 'nosniff');
    assert.equal(own.headers['content-disposition'], `attachment; filename="Laka_ zyto x.pdf"; filename*=UTF-8''${encodeURIComponent('Łąka; żyto x.pdf')}`);
    assert.equal((await auditOf(h, m, 'document.read')).length, 0, 'reading one’s own is not audited');

    assert.equal((await neighbour.get(href)).statusCode, 404);
    assert.equal((await neighbour.get(`${href}/remove`)).statusCode, 404);

    assert.equal((await staff.get(href)).statusCode, 200);
    const kase = await openCase(h, m, { application: app, resident: user, coordinator: staffUser });
    assert.equal((await staff.get(href)).statusCode, 200);
    const reads = await auditOf(h, m, 'document.read');
    assert.deepEqual(reads.map((r) => [r.actor_user_id, r.subject_type, r.subject_id, r.details.ids, r.details.cases]), [
      [staffUser.id, 'document', doc!.id, [doc!.id], []],
      [staffUser.id, 'document', doc!.id, [doc!.id], [kase.id]],
    ]);

    // Staff add one on the application's page (a read of its documents, audited) and on the case.
    const page = await staff.get(`/${m.slug}/applications/${app}/documents`);
    assert.equal(page.statusCode, 200);
    assert.match(pageText(page.body), /Łąka; żyto x\.pdf/);
    assert.equal((await upload(staff, `/${m.slug}/applications/${app}/documents`, { description: 'Notatka z wizyty' }, { name: 'wizyta.png', data: PNG })).statusCode, 303);
    assert.equal((await upload(staff, `/${m.slug}/cases/${kase.id}/documents`, {}, { name: 'umowa.pdf', data: PDF })).statusCode, 303);
    const { c: stranger } = await coordinator(h, m);
    assert.equal((await upload(stranger, `/${m.slug}/cases/${kase.id}/documents`, {}, { name: 'x.pdf', data: PDF })).statusCode, 403, 'no need-to-know');
    const rows = await documentRows(h, m);
    assert.deepEqual(rows.map((r) => [r.filename, r.application_id, r.case_id]), [
      ['Łąka; żyto x.pdf', app, null],
      ['wizyta.png', app, null],
      ['umowa.pdf', null, kase.id],
    ]);
    assert.equal((await stranger.get(`/${m.slug}/documents/${rows[2]!.id}`)).statusCode, 403);
    // The resident downloads what staff added to her case; she may not remove it.
    assert.equal((await c.get(`/${m.slug}/documents/${rows[2]!.id}`)).statusCode, 200);
    assert.equal((await c.get(`/${m.slug}/documents/${rows[2]!.id}/remove`)).statusCode, 404);

    const confirm = await c.get(`${href}/remove`);
    assert.equal(confirm.statusCode, 200);
    const said = pageText(confirm.body);
    assert.match(said, /Usunąć dokument\?/);
    assert.match(said, /Treść dokumentu zostanie usunięta/);
    assert.match(said, /Zostanie tylko zapis, że był dołączony/);
    assert.match(said, /Nie można tego cofnąć/);
    const forced = await c.post(`${href}/remove`);
    assert.equal(forced.statusCode, 422, 'a POST that skipped the confirmation page removes nothing');
    assert.match(pageText(forced.body), /Nic nie zostało zrobione/);
    assert.equal((await documentRows(h, m))[0]!.has_content, true);
    assert.equal((await c.postJson(`${href}/remove`)).json().error.code, 'confirmation.required');
    const removed = await c.post(`${href}/remove`, { confirmed: 'yes' });
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, `/${m.slug}/my/documents`);
    const [gone] = await documentRows(h, m);
    assert.equal(gone!.has_content, false);
    assert.ok(gone!.removed_at);
    assert.equal(gone!.filename, 'Łąka; żyto x.pdf', 'the record stays');
    assert.equal((await c.get(href)).statusCode, 410);
    assert.equal((await c.post(`${href}/remove`, { confirmed: 'yes' })).statusCode, 410, 'removing twice says so');
    assert.equal((await auditOf(h, m, 'document.removed')).length, 1);
  });
});

/** A PDF of about `kb` kilobytes (what counts is its size, not its pages). */
const pdfOf = (kb: number) => Buffer.concat([PDF, Buffer.alloc(kb * 1024 - PDF.length, 0x20)]);

describeEachEngine('my data: document quotas and upload rate', (h) => {
  test('review 1 #12: a resident may keep 1 MB of documents and the centre 2 MB (as configured): more is refused in Polish, removing frees room', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Limitów');
    const { c } = await person(h, m, ['resident']);
    const { c: other } = await person(h, m, ['resident']);
    const url = `/${m.slug}/my/documents`;
    const app = await applied(h, c, m, { beneficiary_name: 'Halina Limitowa' });
    const otherApp = await applied(h, other, m, { beneficiary_name: 'Irena Limitowa' });

    assert.equal((await upload(c, url, { application: app }, { name: 'a.pdf', data: pdfOf(700) })).statusCode, 303);
    const full = await upload(c, url, { application: app }, { name: 'b.pdf', data: pdfOf(400) });
    assert.equal(full.statusCode, 422);
    assert.equal(errorOf(full.body), 'Twoje dokumenty zajmują już około 1 MB z 1 MB, które możesz przechowywać. Usuń niepotrzebny dokument albo przynieś ten do centrum.');
    assert.equal((await documentRows(h, m)).length, 1, 'nothing of the refused file is kept');

    // Someone else still has their own megabyte, but the centre's 2 MB are almost gone.
    assert.equal((await upload(other, url, { application: otherApp }, { name: 'c.pdf', data: pdfOf(1000) })).statusCode, 303);
    const { c: third } = await person(h, m, ['resident']);
    const thirdApp = await applied(h, third, m, { beneficiary_name: 'Jadwiga Limitowa' });
    const noRoom = await upload(third, url, { application: thirdApp }, { name: 'e.pdf', data: pdfOf(500) });
    assert.equal(noRoom.statusCode, 422);
    assert.equal(errorOf(noRoom.body), 'Miejsce na dokumenty w tym centrum jest wyczerpane. Przynieś dokument do centrum albo spróbuj później.');

    // A removed document's bytes are gone, and so is its share of the quota.
    const [mine] = (await documentRows(h, m)).filter((r) => r.filename === 'a.pdf');
    assert.equal((await c.post(`/${m.slug}/documents/${mine!.id}/remove`, { confirmed: 'yes' })).statusCode, 303);
    assert.equal((await upload(c, url, { application: app }, { name: 'b.pdf', data: pdfOf(400) })).statusCode, 303);
  });

  test('review 1 #12: one person uploads at most 10 files a minute (then 429), whoever else shares the address', async () => {
    const m = await catalogueMunicipality(h, 'Gmina Pośpiechu');
    const { c } = await person(h, m, ['resident']);
    const { c: neighbour } = await person(h, m, ['resident']);
    const url = `/${m.slug}/my/documents`;
    const app = await applied(h, c, m, { beneficiary_name: 'Halina Pośpiech' });
    const theirs = await applied(h, neighbour, m, { beneficiary_name: 'Irena Pośpiech' });
    for (let i = 0; i < 10; i++) assert.equal((await upload(c, url, { application: app }, { name: `${i}.png`, data: PNG })).statusCode, 303, `upload ${i + 1}`);
    const eleventh = await upload(c, url, { application: app }, { name: '11.png', data: PNG });
    assert.equal(eleventh.statusCode, 429);
    assert.match(pageText(eleventh.body), /Zbyt wiele żądań/);
    assert.equal((await upload(neighbour, url, { application: theirs }, { name: 'n.png', data: PNG })).statusCode, 303, 'the limit is per person, not per address');
  });
}, { env: { DOCUMENT_QUOTA_PERSON_MB: '1', DOCUMENT_QUOTA_MUNICIPALITY_MB: '2' } });
