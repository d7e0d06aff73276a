import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidTeryt } from './teryt';

test('valid TERYT codes of gminas are accepted', () => {
  assert.equal(isValidTeryt('1438011'), true, 'Żyrardów (urban gmina)');
  assert.equal(isValidTeryt('1465011'), true, 'Warszawa (city with powiat rights)');
  assert.equal(isValidTeryt('0201022'), true, 'rural gmina');
  assert.equal(isValidTeryt('3262013'), true, 'last voivodeship, urban-rural type');
  assert.equal(isValidTeryt('1465108'), true, 'a district of Warsaw (type 8)');
});

test('invalid TERYT codes are refused', () => {
  const invalid: [string, string][] = [
    ['0138011', 'odd voivodeship 01 does not exist'],
    ['3438011', 'voivodeship 34 does not exist'],
    ['0038011', 'voivodeship 00'],
    ['1400011', 'powiat 00'],
    ['1438001', 'gmina 00'],
    ['1438017', 'type 7'],
    ['1438010', 'type 0'],
    ['143801', 'six digits'],
    ['14380111', 'eight digits'],
    ['14a8011', 'letters'],
    ['ABCDEFG', 'letters only'],
    [' 1438011', 'leading space'],
    ['1438011\n', 'trailing newline'],
    ['', 'empty'],
  ];
  for (const [code, why] of invalid) assert.equal(isValidTeryt(code), false, `${JSON.stringify(code)}: ${why}`);
});
