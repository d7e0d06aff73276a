import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkKrs, checkNip, checkRegon, isValidKrs, isValidNip, isValidRegon, nipCheckDigit, regon14CheckDigit, regon9CheckDigit } from './identifiers';

test('NIP: weights 6,5,7,2,3,4,5,6,7 modulo 11 give the tenth digit', () => {
  // 1·6 + 2·5 + 3·7 + 4·2 + 5·3 + 6·4 + 3·5 + 2·6 + 1·7 = 118; 118 mod 11 = 8.
  assert.equal(isValidNip('1234563218'), true);
  assert.equal(isValidNip('1234563217'), false, 'a wrong check digit');
  assert.equal(isValidNip('2134563218'), false, 'two digits swapped');
  assert.equal(isValidNip('8381701375'), true);
  // 100000016: 1·6 + 1·6 + 6·7 = 54, remainder 10 — never a check digit, so no NIP begins so.
  assert.equal(nipCheckDigit('100000016'), null);
  for (let d = 0; d <= 9; d++) assert.equal(isValidNip(`100000016${d}`), false);
  assert.equal(isValidNip('123456321'), false, 'nine digits');
  assert.equal(isValidNip('12345632180'), false, 'eleven digits');
  assert.equal(isValidNip('12345a3218'), false);
});

test('NIP as people type it: dashes, spaces, the PL of an EU VAT number', () => {
  assert.deepEqual(checkNip('123-456-32-18'), { ok: true, value: '1234563218' });
  assert.deepEqual(checkNip(' 123 456 32 18 '), { ok: true, value: '1234563218' });
  assert.deepEqual(checkNip('PL1234563218'), { ok: true, value: '1234563218' });
  assert.deepEqual(checkNip('pl 123-45-63-218'), { ok: true, value: '1234563218' });
  assert.deepEqual(checkNip('123-456-32-19'), { ok: false, problem: 'checksum' });
  assert.deepEqual(checkNip('123456'), { ok: false, problem: 'format' });
  assert.deepEqual(checkNip('DE1234563218'), { ok: false, problem: 'format' });
});

test('REGON of 9 digits: weights 8,9,2,3,4,5,6,7 modulo 11, a remainder of 10 counts as 0', () => {
  // 1·8 + 2·9 + 3·2 + 4·3 + 5·4 + 6·5 + 7·6 + 8·7 = 192; 192 mod 11 = 5.
  assert.equal(isValidRegon('123456785'), true);
  assert.equal(isValidRegon('123456786'), false);
  assert.equal(regon9CheckDigit('00000010'), 6, '1·6');
  assert.equal(regon9CheckDigit('10000010'), 3, '1·8 + 1·6 = 14 → 3');
  // 3·7 = 21 → remainder 10, which counts as 0.
  assert.equal(regon9CheckDigit('00000003'), 0);
  assert.equal(isValidRegon('000000030'), true);
  assert.equal(isValidRegon('000000031'), false);
  assert.equal(isValidRegon('141200008'), true);
});

test('REGON of 14 digits: its own check digit, and its first nine digits a valid REGON', () => {
  // 1·2 + 2·4 + 3·8 + 4·5 + 5·0 + 6·9 + 7·7 + 8·3 + 5·6 + 1·1 + 2·2 + 3·4 + 4·8 = 260; 260 mod 11 = 7.
  assert.equal(isValidRegon('12345678512347'), true);
  assert.equal(isValidRegon('12345678512348'), false, 'a wrong 14th digit');
  const badParent = '123456786' + '1234';
  assert.equal(isValidRegon(badParent + regon14CheckDigit(badParent)), false, 'a 14th digit right for an invalid 9-digit parent');
  assert.equal(isValidRegon('14120000800014'), true);
  assert.equal(isValidRegon('1234567851234'), false, 'thirteen digits');
});

test('REGON as typed: spaces and dashes; a problem is either the length or the check digit', () => {
  assert.deepEqual(checkRegon('123-456-785'), { ok: true, value: '123456785' });
  assert.deepEqual(checkRegon('12345678 51234 7'), { ok: true, value: '12345678512347' });
  assert.deepEqual(checkRegon('123456784'), { ok: false, problem: 'checksum' });
  assert.deepEqual(checkRegon('1234567851'), { ok: false, problem: 'format' });
  assert.deepEqual(checkRegon('REGON'), { ok: false, problem: 'format' });
});

test('KRS: ten digits with leading zeros, no check digit', () => {
  assert.equal(isValidKrs('0000123456'), true);
  assert.equal(isValidKrs('123456'), false, 'without the leading zeros');
  assert.equal(isValidKrs('0000000000'), false);
  assert.deepEqual(checkKrs('0000 123 456'), { ok: true, value: '0000123456' });
  assert.deepEqual(checkKrs('KRS 0000123456'), { ok: false, problem: 'format' });
});

test('property: changing any one digit of a valid NIP or REGON makes it invalid', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
  fc.assert(
    fc.property(digits(9), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first9, position, delta) => {
      const check = nipCheckDigit(first9);
      fc.pre(check !== null);
      const nip = first9 + check;
      assert.equal(isValidNip(nip), true);
      const changed = nip.slice(0, position) + ((Number(nip[position]) + delta) % 10) + nip.slice(position + 1);
      assert.equal(isValidNip(changed), false, `${nip} → ${changed}`);
    }),
  );
  fc.assert(
    fc.property(digits(8), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (first8, position, delta) => {
      const regon = first8 + regon9CheckDigit(first8);
      assert.equal(isValidRegon(regon), true);
      const changed = regon.slice(0, position) + ((Number(regon[position]) + delta) % 10) + regon.slice(position + 1);
      // The rule "remainder 10 counts as 0" lets a change between remainders 0 and 10 through (a weakness of REGON itself).
      const remainder = (v: string) => [8, 9, 2, 3, 4, 5, 6, 7].reduce((s, w, i) => s + w * Number(v[i]), 0) % 11;
      fc.pre(remainder(regon) !== 10 && remainder(changed) !== 10);
      assert.equal(isValidRegon(changed), false, `${regon} → ${changed}`);
    }),
  );
});
