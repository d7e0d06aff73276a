import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { modules } from '../../src/modules';
import { translator, type Message, type MessageKey } from '../../src/platform/i18n';
import { installedMessages } from '../../src/platform/i18n/catalogue';

const modulesDir = path.resolve(import.meta.dirname, '../../src/modules');

test('every module folder with a messages.ts contributes its messages to the module list', () => {
  const withMessages = fs.readdirSync(modulesDir).filter((name) => fs.existsSync(path.join(modulesDir, name, 'messages.ts')));
  assert.ok(withMessages.length >= 12, `found ${withMessages.join(', ')}`);
  for (const name of withMessages) {
    const module = modules.find((m) => m.name === name);
    assert.ok(module, `module ${name} is in the list`);
    assert.ok(module.messages?.length, `module ${name} declares messages: in its index.ts`);
  }
});

test("importing the module list installs every module's messages: one key of each part translates in both languages", () => {
  const pl = translator('pl');
  const en = translator('en');
  for (const m of modules) {
    for (const part of m.messages ?? []) {
      const key = Object.keys(part.pl).find((k) => typeof part.pl[k] === 'string') as MessageKey;
      assert.equal(pl.t(key), part.pl[key], `${m.name}: ${key} in Polish`);
      assert.equal(en.t(key), part.en[key], `${m.name}: ${key} in English`);
    }
  }
  assert.equal(pl.t('cases.list.title'), 'Sprawy mieszkańców');
  assert.equal(en.t('staff.members_count', { count: 2 }), '2 people');
});

const placeholders = (m: Message): string[] => {
  const texts = typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string');
  return [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();
};

test('every installed Polish message has English with the same placeholders and the same kind; plurals are complete', () => {
  const { pl, en } = installedMessages();
  const mismatched: string[] = [];
  for (const [key, p] of Object.entries(pl)) {
    const e = en[key]!;
    if (placeholders(p).join() !== placeholders(e).join()) mismatched.push(`${key}: pl {${placeholders(p).join(',')}} en {${placeholders(e).join(',')}}`);
    if (typeof p !== typeof e) mismatched.push(`${key}: plural in one language only`);
    if (typeof p !== 'string') {
      if (!(p.one && p.few && p.many && p.other && /\{count\}/.test(p.one + p.few + p.many + p.other))) mismatched.push(`${key}: Polish plural needs one/few/many/other with {count}`);
    }
    if (typeof e !== 'string' && !(e.one && e.other)) mismatched.push(`${key}: English plural needs one/other`);
  }
  assert.deepEqual(mismatched, []);
  assert.deepEqual(Object.keys(en).sort(), Object.keys(pl).sort());
});
