import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { toCsv } from '../../src/platform/export/csv';

const SRC = path.join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('CSV files (RFC 4180)', () => {
  test('every record ends with CRLF; a line break inside a text is quoted, never taken for a record', () => {
    const text = toCsv([['nazwa', 'opis'], ['Świetlica "Promyk"', 'Pon.–pt.\nod 14:00'], ['Klub, seniora', 'x\r\ny']], { bom: false });
    assert.equal(text, 'nazwa,opis\r\n"Świetlica ""Promyk""","Pon.–pt.\nod 14:00"\r\n"Klub, seniora","x\r\ny"\r\n');
    assert.deepEqual(parse(text, { record_delimiter: '\r\n' }), [['nazwa', 'opis'], ['Świetlica "Promyk"', 'Pon.–pt.\nod 14:00'], ['Klub, seniora', 'x\r\ny']]);
  });

  test('for spreadsheets by default: a byte-order mark, named columns and formulas neutralised; open data keeps values', () => {
    const text = toCsv([{ a: '=SUMA(A1)', b: 2 }], { columns: ['a', 'b'] });
    assert.equal(text, "\uFEFFa,b\r\n'=SUMA(A1),2\r\n");
    assert.equal(toCsv([['=1+1', '-5']], { bom: false, neutraliseFormulas: false }), '=1+1,-5\r\n');
  });

  test('every CSV the platform writes goes through this helper (no module calls csv-stringify itself)', () => {
    const direct = sourceFiles(SRC).filter((f) => /from 'csv-stringify/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(SRC, f));
    assert.deepEqual(direct, ['platform/export/csv.ts']);
  });
});
