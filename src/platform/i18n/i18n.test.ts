import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en';
import { hasMessage, pluralForm, translator, type MessageKey } from './index';
import { pl } from './pl';
import type { Message } from './types';

test('Polish plurals pick one / few / many by count', () => {
  const { t } = translator('pl');
  const expected: [number, string][] = [
    [1, '1 osoba'],
    [2, '2 osoby'],
    [3, '3 osoby'],
    [4, '4 osoby'],
    [5, '5 osób'],
    [12, '12 osób'],
    [14, '14 osób'],
    [21, '21 osób'],
    [22, '22 osoby'],
    [25, '25 osób'],
    [0, '0 osób'],
    [104, '104 osoby'],
    [112, '112 osób'],
  ];
  for (const [count, text] of expected) assert.equal(t('staff.members_count', { count }), text, `count ${count}`);
  assert.equal(t('municipality.units_count', { count: 1 }), '1 jednostka');
  assert.equal(t('municipality.units_count', { count: 3 }), '3 jednostki');
  assert.equal(t('municipality.units_count', { count: 11 }), '11 jednostek');
});

test('Polish fractions use the "other" form', () => {
  assert.equal(pluralForm('pl', pl['staff.members_count'], 1.5), '{count} osoby');
});

test('English plurals pick one / other', () => {
  const { t } = translator('en');
  assert.equal(t('staff.members_count', { count: 1 }), '1 person');
  assert.equal(t('staff.members_count', { count: 2 }), '2 people');
  assert.equal(t('staff.members_count', { count: 5 }), '5 people');
  assert.equal(t('staff.members_count', { count: 0 }), '0 people');
  assert.equal(t('staff.members_count', { count: 22 }), '22 people');
});

test('placeholders are filled in; unknown ones are left visible', () => {
  const { t } = translator('pl');
  assert.equal(t('home.teryt', { teryt: '1438011' }), 'Kod TERYT: 1438011');
  assert.equal(t('home.teryt'), 'Kod TERYT: {teryt}');
  assert.equal(t('staff.invited', { email: 'a@example.pl' }), 'Wysłano zaproszenie na adres a@example.pl.');
  assert.equal(t('staff.edit', { name: '{email}', email: 'x' }), 'Zmień role: {email}', 'a value is not interpolated again');
});

test('dates and times are shown in Europe/Warsaw whatever the server time zone', () => {
  const pl = translator('pl');
  // 22:30 UTC on 30 June is already 1 July in Poland (CEST, UTC+2).
  assert.equal(pl.dateTime('2026-06-30T22:30:00Z'), '1 lipca 2026 00:30');
  assert.equal(pl.date(new Date('2026-06-30T22:30:00Z')), '1 lipca 2026');
  // Winter time (CET, UTC+1).
  assert.equal(pl.dateTime('2026-11-23T16:11:00Z'), '23 listopada 2026 17:11');
  assert.equal(pl.date('2026-12-31T23:30:00Z'), '1 stycznia 2027');
  assert.match(translator('en').dateTime('2026-06-30T22:30:00Z'), /^1 July 2026\b.*00:30$/);
  assert.equal(translator('en').date('2026-06-30T22:30:00Z'), '1 July 2026');
});

const placeholders = (m: Message): string[] => {
  const texts = typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string');
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();
};

test('every Polish key exists in English, with the same placeholders and the same kind of message', () => {
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const key of Object.keys(pl) as MessageKey[]) {
    const p = pl[key] as Message;
    const e = (en as Record<string, Message | undefined>)[key];
    if (e === undefined) {
      missing.push(key);
      continue;
    }
    if (placeholders(p).join() !== placeholders(e).join()) mismatched.push(`${key}: pl {${placeholders(p).join(',')}} en {${placeholders(e).join(',')}}`);
    if (typeof p !== typeof e) mismatched.push(`${key}: plural in one language only`);
  }
  assert.deepEqual(missing, [], 'keys missing in en.ts');
  assert.deepEqual(mismatched, [], 'placeholder mismatches');
  const extra = Object.keys(en).filter((k) => !hasMessage(k));
  assert.deepEqual(extra, [], 'keys in en.ts that pl.ts does not have');
});

test('Polish plural messages define one, few and many; every plural has one and other', () => {
  for (const [key, m] of Object.entries(pl) as [string, Message][]) {
    if (typeof m === 'string') continue;
    assert.ok(m.one && m.few && m.many && m.other, `${key} needs one/few/many/other in Polish`);
    assert.match(m.one + m.few + m.many + m.other, /\{count\}/, key);
  }
  for (const [key, m] of Object.entries(en) as [string, Message][]) {
    if (typeof m === 'string') continue;
    assert.ok(m.one && m.other, `${key} needs one/other in English`);
  }
});
