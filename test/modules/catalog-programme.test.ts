import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { test } from 'node:test';
import { seedCatalogFixtures } from '../../src/modules/catalog';
import { translator } from '../../src/platform/i18n';
import type { MunicipalityRow } from '../../src/platform/tenancy/repository';
import { makeMunicipality } from '../support/factories';
import { describeEachEngine } from '../support/harness';
import { assertTaggedPdf } from '../support/pdf-structure';
import { pdfInfo, pdfPageCount, pdfText } from '../support/pdf-text';
import { assertIncludes } from '../support/assertions';

const PROGRAMME = 'Program usług społecznych Miasta Żyrardowa na lata 2026–2027';
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
const strip = (s: string) => decode(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').replace(/ ([.,:)])/g, '$1').replace(/\( /g, '(').trim();
/** The programmes listed on the list page, in order. */
const listed = (html: string) => [...html.matchAll(/<li class="programme-item"><h2><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => ({ href: m[1]!, name: decode(m[2]!) }));
/** The area headings of a programme page, in order. */
const areaHeadings = (html: string) => [...html.matchAll(/<section class="programme-area"[^>]*><h2 id="[^"]+">(.*?)<\/h2>/gs)].map((m) => strip(m[1]!));
const pl = translator('pl');
/** The 14 areas of art. 2 of the act on social services centres, in the act's order. */
const AREAS = [
  'Polityka prorodzinna',
  'Wspieranie rodziny',
  'System pieczy zastępczej',
  'Pomoc społeczna',
  'Promocja i ochrona zdrowia',
  'Wspieranie osób niepełnosprawnych',
  'Edukacja publiczna',
  'Przeciwdziałanie bezrobociu',
  'Kultura',
  'Kultura fizyczna i turystyka',
  'Pobudzanie aktywności obywatelskiej',
  'Mieszkalnictwo',
  'Ochrona środowiska',
  'Reintegracja zawodowa i społeczna',
];

describeEachEngine('public programme of social services', (h) => {
  const as = (m: MunicipalityRow) => ({ municipalityId: m.id, userId: null });
  const seeded = async () => {
    const m = await makeMunicipality(h.db, 'Gmina Programowa');
    await h.db.tx(as(m), (sql) => seedCatalogFixtures(sql, m.id));
    return m;
  };
  const programmeId = async (m: MunicipalityRow, name = PROGRAMME) => {
    const [row] = await h.db.tx(as(m), (sql) => sql.query<{ id: string }>('SELECT id FROM programmes WHERE municipality_id = $1 AND name = $2', [m.id, name]));
    assert.ok(row, name);
    return row.id;
  };
  const addProgramme = async (m: MunicipalityRow, name: string, status: string, from: string, to: string) => {
    const [row] = await h.db.tx(as(m), (sql) =>
      sql.query<{ id: string }>(
        `INSERT INTO programmes (municipality_id, name, period_from, period_to, status, description) VALUES ($1, $2, $3, $4, $5, 'Opis.') RETURNING id`,
        [m.id, name, from, to, status],
      ),
    );
    return row!.id;
  };
  const get = async (url: string, status = 200) => {
    const res = await h.client().get(url);
    assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 300)}`);
    return res;
  };

  test('the list shows public programmes newest first with their data, and never drafts', async () => {
    const m = await seeded();
    await addProgramme(m, 'Projekt programu na lata 2028–2029', 'draft', '2028-01-01', '2029-12-31');
    const consultation = await addProgramme(m, 'Program w konsultacjach 2027–2028', 'consultation', '2027-06-01', '2028-12-31');
    const expired = await addProgramme(m, 'Program na rok 2025', 'expired', '2025-01-01', '2025-12-31');
    const html = (await get(`/${m.slug}/programme`)).body;
    assert.match(html, /<h1>Programy usług społecznych<\/h1>/);
    assert.match(html, new RegExp(`<a href="/${m.slug}/programme" aria-current="page">Programy usług społecznych</a>`), 'the navigation links here, saying what the page says');
    assert.deepEqual(listed(html), [
      { href: `/${m.slug}/programme/${consultation}`, name: 'Program w konsultacjach 2027–2028' },
      { href: `/${m.slug}/programme/${await programmeId(m)}`, name: PROGRAMME },
      { href: `/${m.slug}/programme/${expired}`, name: 'Program na rok 2025' },
    ]);
    assert.doesNotMatch(html, /Projekt programu/);
    const adopted = strip(html.slice(html.indexOf(`>${PROGRAMME.replace('–', '–')}<`)));
    assert.match(adopted, /^.*?Okres obowiązywania od 1 stycznia 2026 do 31 grudnia 2027 Status przyjęty Uchwała rady nr XIV\/128\/2025 z dnia 27 listopada 2025 Usługi 20 usług Program przyjęty po konsultacjach/);
    const consulted = strip(html.slice(html.indexOf('>Program w konsultacjach'), html.indexOf(`>${PROGRAMME}<`)));
    assert.match(consulted, /Status w konsultacjach Uchwała rady nie podjęto jeszcze uchwały Usługi 0 usług/);
  });

  test('plural forms of the number of services', () => {
    assert.deepEqual([1, 2, 5, 22].map((count) => pl.t('programme.services_count', { count })), ['1 usługa', '2 usługi', '5 usług', '22 usługi']);
  });

  test('an empty list says so and points to the catalogue', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Bez Programu');
    await addProgramme(m, 'Projekt programu', 'draft', '2026-01-01', '2026-12-31');
    const html = (await get(`/${m.slug}/programme`)).body;
    assert.equal(listed(html).length, 0);
    assert.match(html, /Gmina nie opublikowała jeszcze programu usług społecznych\./);
    assert.match(html, new RegExp(`<a href="/${m.slug}/services">Przejdź do katalogu usług społecznych</a>`));
  });

  test('a programme page groups its services by the 14 areas in the order of the act and links each service', async () => {
    const m = await seeded();
    const id = await programmeId(m);
    const html = (await get(`/${m.slug}/programme/${id}`)).body;
    assert.match(html, new RegExp(`<h1>${PROGRAMME}</h1>`));
    const headings = areaHeadings(html);
    assert.deepEqual(headings.map((x) => x.replace(/ \(.*\)$/, '')), AREAS);
    assert.equal(headings[5], 'Wspieranie osób niepełnosprawnych (3 usługi)');
    assert.equal(headings[0], 'Polityka prorodzinna (1 usługa)');
    const toc = strip(/<nav class="programme-toc"[\s\S]*?<\/nav>/.exec(html)![0]);
    assert.match(toc, /^Spis treści .* Polityka prorodzinna \(1 usługa\) Wspieranie rodziny \(2 usługi\) System pieczy zastępczej/);
    assert.match(html, /<a href="#area-sport-tourism">Kultura fizyczna i turystyka<\/a>/);
    assert.match(html, /<h2 id="area-sport-tourism">/);
    const services = await h.db.tx(as(m), (sql) => sql.query<{ id: string; name: string; area: string }>('SELECT id, name, area FROM services WHERE municipality_id = $1', [m.id]));
    assert.equal(services.length, 20);
    for (const s of services) {
      const at = html.indexOf(`<a href="/${m.slug}/services/${s.id}">${s.name.replace(/„|”/g, (q) => q)}</a>`);
      assert.ok(at > 0, `${s.name} is linked`);
      const section = html.lastIndexOf('<section class="programme-area"', at);
      assert.match(html.slice(section, section + 200), new RegExp(`id="area-${s.area.replace(/_/g, '-')}"`), `${s.name} is in its area`);
    }
    const tele = strip(html.slice(html.indexOf('>Teleopieka'), html.indexOf('</li>', html.indexOf('>Teleopieka'))));
    assert.match(tele, /Opaska z przyciskiem SOS.* Dla kogo: seniorzy Koszt: odpłatność: 15,00\s*zł Realizator: Centrum Usług Społecznych w Żyrardowie/);
    assert.match(html, new RegExp(`<a href="/${m.slug}/programme/${id}.pdf" type="application/pdf">Pobierz program w formacie PDF</a>`));
  });

  test('drafts, unknown and malformed ids and other municipalities’ programmes are not found', async () => {
    const m = await seeded();
    const other = await seeded();
    const draft = await addProgramme(m, 'Projekt programu', 'draft', '2028-01-01', '2028-12-31');
    const foreign = await programmeId(other);
    for (const id of [draft, crypto.randomUUID(), 'not-a-uuid', foreign]) {
      await get(`/${m.slug}/programme/${id}`, 404);
      await get(`/${m.slug}/programme/${id}.pdf`, 404);
    }
    await get(`/${other.slug}/programme/${foreign}`, 200);
  });

  test('the PDF: A4, the title page data, areas in order, services with details, page numbers and metadata, in Polish letters', async () => {
    const m = await seeded();
    const id = await programmeId(m);
    const res = await get(`/${m.slug}/programme/${id}.pdf`);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['content-disposition'], `inline; filename="program-uslug-spolecznych-${m.slug}-2026-2027.pdf"`);
    const pdf = res.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-8).toString('latin1'), /%%EOF\s*$/);
    const raw = pdf.toString('latin1');
    assertIncludes(raw, '/MediaBox [0 0 595.28 841.89]', 'A4');
    assertIncludes(raw, '/Lang (pl-PL)', 'the document language');
    assert.equal(pdfInfo(pdf, 'Title'), PROGRAMME, 'the title in the metadata');
    assert.equal(pdfInfo(pdf, 'Author'), m.cus_name);
    assertTaggedPdf(pdf, { title: PROGRAMME, lang: 'pl-PL', types: ['H2', 'H3', 'TOC', 'TOCI', 'Link', 'Sect'] });
    const pages = pdfPageCount(pdf);
    assert.ok(pages >= 4, `${pages} pages`);
    const text = pdfText(pdf).replace(/\s+/g, ' '); // lines wrap anywhere
    assertIncludes(text, PROGRAMME, 'the programme name');
    assertIncludes(text, 'Centrum Usług Społecznych w Żyrardowie', 'Polish letters survive');
    for (const letter of 'ąćęłńóśźżŻŚ') assertIncludes(text, letter, `the letter ${letter}`);
    for (const word of ['Gmina Programowa', 'od 1 stycznia 2026 do 31 grudnia 2027', 'nr XIV/128/2025 z dnia 27 listopada 2025', 'Spis treści']) assertIncludes(text, word);
    const order = AREAS.map((a) => text.lastIndexOf(`${a} (`));
    assert.ok(order.every((i) => i > 0), 'every area is a heading');
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'areas in the order of the act');
    assertIncludes(text, 'Teleopieka „Bezpieczny Senior”');
    assertIncludes(text, 'Złóż wniosek w CUS; opaskę dostarczymy', 'how to apply');
    for (const word of ['Realizator:', 'Koszt:', 'Dla kogo:', 'Jak skorzystać:', 'zależna od dochodu', 'Pomoc społeczna', 'Mieszkalnictwo']) assertIncludes(text, word);
    assertIncludes(text, `Strona 1 z ${pages}`, 'page numbers in the footer');
    assertIncludes(text, `Strona ${pages} z ${pages}`, 'page numbers in the footer');
  });

  test('PDFs are rate limited per address', async () => {
    const m = await makeMunicipality(h.db, 'Gmina Limitowana');
    const client = h.client();
    const url = `/${m.slug}/programme/${crypto.randomUUID()}.pdf`;
    for (let i = 0; i < 20; i++) assert.equal((await client.get(url)).statusCode, 404);
    assert.equal((await client.get(url)).statusCode, 429);
    assert.equal((await h.client().get(url)).statusCode, 404, 'another address is not limited');
  });
});
