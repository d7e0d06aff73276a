import assert from 'node:assert/strict';
import { test } from 'node:test';
import '../../src/modules';
import { translator, type Message, type MessageKey } from '../../src/platform/i18n';
import { installedMessages } from '../../src/platform/i18n/catalogue';

const textsOf = (m: Message): string[] => (typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string'));
const placeholdersOf = (m: Message): string[] => [...new Set(textsOf(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))];
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;
/** Hints of date fields show the format a browser without a date picker expects. */
const FORMAT_HINTS = new Set(['care_plan.hint.date', 'meetings.field.day_hint', 'venues.book.hint.day']);

/** Slashed or bracketed gender endings: "przyjął(-ęła)", "przygotował(a)ś", "wpisałeś(-aś)", "sam(a)", "zapisał(a)". */
const GENDER_SLASHES = /\(-?ęła\)|\(a\)ś|\(-?aś\)|\p{L}\(-?a\)|\p{L}\/a(?!\p{L})/u;
/** Second person masculine past forms, which speak to a man only. */
const MASCULINE_YOU = /\p{L}+łeś(?!\p{L})/u;

test('no Polish message uses gendered endings in brackets or speaks to a man only', () => {
  const found: string[] = [];
  for (const [key, message] of Object.entries(installedMessages().pl)) {
    for (const text of textsOf(message)) if (GENDER_SLASHES.test(text) || MASCULINE_YOU.test(text)) found.push(`${key}: ${text}`);
  }
  assert.deepEqual(found, []);
});

test('the wording patterns are recognised (the check above would see them)', () => {
  for (const bad of ['{provider} przyjął(-ęła) skierowanie', 'Ten plan przygotował(a)ś Ty', 'co wpisałeś(-aś)', 'zapisał(a): {name}', 'Jeśli to nie Ty zakładałeś konto']) {
    assert.ok(GENDER_SLASHES.test(bad) || MASCULINE_YOU.test(bad), bad);
  }
});

test('no Polish message holds an ISO date, and a calendar day given to any message reads in words after interpolation', () => {
  const pl = translator('pl');
  const withIso: string[] = [];
  for (const [key, message] of Object.entries(installedMessages().pl)) {
    if (!FORMAT_HINTS.has(key) && textsOf(message).some((text) => ISO_DAY.test(text))) withIso.push(key);
    const names = placeholdersOf(message);
    if (names.length === 0) continue;
    const params = Object.fromEntries(names.map((name) => [name, name === 'count' ? 2 : '2026-12-14']));
    const rendered = pl.t(key as MessageKey, params);
    if (!FORMAT_HINTS.has(key) && ISO_DAY.test(rendered)) withIso.push(`${key} after interpolation: ${rendered}`);
  }
  assert.deepEqual(withIso, []);
  assert.equal(pl.t('referrals.mail.new.body', { municipality: 'CUS', provider: 'Fundacja', service: 'Opieka', day: '2026-12-14', link: 'L' }).includes('Prosimy o odpowiedź do 14 grudnia 2026.'), true);
  assert.match(translator('en').t('referrals.mail.new.body', { municipality: 'CUS', provider: 'F', service: 'S', day: '2026-12-14', link: 'L' }), /Please answer by 14 December 2026\./);
});

test('a value that only looks like a day but is none is shown as it was given', () => {
  assert.match(translator('pl').t('referrals.mail.new.body', { municipality: 'CUS', provider: 'F', service: 'S', day: '2020-13-45', link: 'L' }), /do 2020-13-45\./);
});

test('mails about applications say the application was received on submission, not accepted', () => {
  assert.match(translator('pl').t('mail.application_submitted.subject', { service: 'Opieka' }), /^Otrzymaliśmy wniosek/);
});

test('the approval mail of a plan says the days it is in force, not "od dziś" for a plan that starts later', () => {
  const body = translator('pl').t('mail.care_plan_approved.body', { number: 'CUS/2026/000123', revision: 1, from: '2026-12-14', until: '2027-06-13', link: 'L', municipality: 'CUS' });
  assert.match(body, /Obowiązuje od 14 grudnia 2026 do 13 czerwca 2027;/);
  assert.doesNotMatch(body, /od dziś/);
});

test('a service’s or an organisation’s name, which often carries its own quotes, is never put in quotes again („„…””)', () => {
  const named = new Set(['service', 'reference']);
  const nested: string[] = [];
  for (const lang of ['pl', 'en'] as const) {
    const tr = translator(lang);
    for (const [key, message] of Object.entries(installedMessages()[lang])) {
      const names = placeholdersOf(message);
      const quotedName = names.some((n) => named.has(n)) || (key.startsWith('organisations.review.') && names.includes('name'));
      if (!quotedName) continue;
      const params = Object.fromEntries(names.map((n) => [n, n === 'count' ? 2 : 'Teleopieka „Bezpieczny Senior”']));
      const rendered = tr.t(key as MessageKey, params);
      if (/”[”"“]|["“„]Teleopieka/.test(rendered)) nested.push(`${lang} ${key}: ${rendered}`);
    }
  }
  assert.deepEqual(nested, []);
});
