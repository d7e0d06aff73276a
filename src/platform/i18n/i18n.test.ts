import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installMessages, mergeMessages, type MessagesOwner } from './catalogue';
import { kernelEn as en } from './en';
import { hasMessage, pluralForm, translator, type MessageKey } from './index';
import { kernelPl as pl } from './pl';
import type { Message } from './types';

// The kernel's own messages only: the kernel imports no module (the modules' catalogue is tested in test/platform/messages.test.ts).

test('Polish plurals pick one / few / many by count', () => {
  const { t } = translator('pl');
  const expected: [number, string][] = [
    [1, '1 jednostka'],
    [2, '2 jednostki'],
    [3, '3 jednostki'],
    [4, '4 jednostki'],
    [5, '5 jednostek'],
    [12, '12 jednostek'],
    [14, '14 jednostek'],
    [21, '21 jednostek'],
    [22, '22 jednostki'],
    [25, '25 jednostek'],
    [0, '0 jednostek'],
    [104, '104 jednostki'],
    [112, '112 jednostek'],
  ];
  for (const [count, text] of expected) assert.equal(t('municipality.units_count', { count }), text, `count ${count}`);
  assert.equal(t('audit.shown', { count: 1 }), 'Pokazano 1 zdarzenie');
  assert.equal(t('audit.shown', { count: 3 }), 'Pokazano 3 zdarzenia');
  assert.equal(t('audit.shown', { count: 11 }), 'Pokazano 11 zdarzeń');
});

test('Polish fractions use the "other" form', () => {
  assert.equal(pluralForm('pl', pl['municipality.units_count'], 1.5), '{count} jednostki');
});

test('English plurals pick one / other', () => {
  const { t } = translator('en');
  assert.equal(t('municipality.units_count', { count: 1 }), '1 unit');
  assert.equal(t('municipality.units_count', { count: 2 }), '2 units');
  assert.equal(t('municipality.units_count', { count: 5 }), '5 units');
  assert.equal(t('municipality.units_count', { count: 0 }), '0 units');
  assert.equal(t('municipality.units_count', { count: 22 }), '22 units');
});

test('placeholders are filled in; unknown ones are left visible', () => {
  const { t } = translator('pl');
  assert.equal(t('home.teryt', { teryt: '1438011' }), 'Kod TERYT: 1438011');
  assert.equal(t('home.teryt'), 'Kod TERYT: {teryt}');
  assert.equal(t('municipality.your_roles', { roles: 'dyrektor' }), 'Twoje role w tej gminie: dyrektor');
  assert.equal(t('mailbox.to', { to: '{email}', email: 'x' }), 'Do: {email}', 'a value is not interpolated again');
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

test('every Polish key of the kernel exists in English, with the same placeholders and the same kind of message', () => {
  const missing: string[] = [];
  const mismatched: string[] = [];
  for (const key of Object.keys(pl) as (keyof typeof pl)[]) {
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
  const extra = Object.keys(en).filter((k) => !(k in pl));
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

const owner = (name: string, pl: Record<string, Message>, en: Record<string, Message>): MessagesOwner => ({ name, messages: [{ pl, en }] });

test('a key defined by two modules fails, naming both', () => {
  const first = owner('first', { 'shared.title': 'Tytuł' }, { 'shared.title': 'Title' });
  const second = owner('second', { 'shared.title': 'Inny tytuł' }, { 'shared.title': 'Another title' });
  assert.throws(() => mergeMessages([first, second]), /shared\.title is defined twice: by first and by second/);
  assert.throws(() => mergeMessages([first, first]), /by first and by first/, 'one module listed twice');
});

test("a module's key that the kernel defines already fails, naming the kernel", () => {
  assert.throws(() => mergeMessages([owner('clash', { 'app.name': 'X' }, { 'app.name': 'X' })]), /app\.name is defined twice: by kernel and by clash/);
});

test('a module without the English translation of a key fails; an English key without Polish fails too', () => {
  assert.throws(() => mergeMessages([owner('halfway', { 'halfway.a': 'A', 'halfway.b': 'B' }, { 'halfway.a': 'A' })]), /halfway\.b of halfway has no English translation/);
  assert.throws(() => mergeMessages([owner('extra', { 'extra.a': 'A' }, { 'extra.a': 'A', 'extra.typo': 'T' })]), /English messages of extra without a Polish source: extra\.typo/);
});

test("installed modules' messages are translated and known to hasMessage; an unknown key throws", () => {
  const key = 'sample.greeting' as MessageKey;
  assert.equal(hasMessage(key), false);
  assert.throws(() => translator('pl').t(key), /no message sample\.greeting/);
  installMessages([owner('sample', { 'sample.greeting': 'Dzień dobry, {name}' }, { 'sample.greeting': 'Good morning, {name}' })]);
  try {
    assert.equal(hasMessage(key), true);
    assert.equal(translator('pl').t(key, { name: 'Anna' }), 'Dzień dobry, Anna');
    assert.equal(translator('en').t(key, { name: 'Anna' }), 'Good morning, Anna');
    assert.equal(translator('pl').t('app.name'), 'Wspólnota', "the kernel's messages stay");
  } finally {
    installMessages([]);
  }
  assert.equal(hasMessage(key), false, 'installing again replaces the modules');
});
