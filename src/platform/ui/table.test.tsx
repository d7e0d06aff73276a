import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { Table, type Column } from './table';

interface Room { name: string; capacity: number }
const columns: Column<Room>[] = [
  { header: 'Sala', rowHeader: true, cell: (r) => r.name },
  { header: 'Miejsca', numeric: true, cell: (r) => r.capacity },
];

test('a table names its scrollable region by its caption, heads columns and rows with scope, aligns numbers', () => {
  const html = renderToString(<Table id="rooms" caption="Sale Resursy" captionHidden columns={columns} rows={[{ name: 'Sala duża', capacity: 80 }]} empty="Brak sal." />);
  assert.match(html, /<div class="table-wrap" role="region" aria-labelledby="rooms-caption" tabindex="0">/);
  assert.match(html, /<caption id="rooms-caption" class="visually-hidden">Sale Resursy<\/caption>/);
  assert.match(html, /<th scope="col">Sala<\/th><th scope="col" class="num">Miejsca<\/th>/);
  assert.match(html, /<tr><th scope="row">Sala duża<\/th><td class="num">80<\/td><\/tr>/);
});

test('no rows: the empty message instead of an empty table', () => {
  const html = renderToString(<Table id="rooms" caption="Sale" columns={columns} rows={[]} empty="Brak sal." />);
  assert.equal(html, '<p class="admin-empty">Brak sal.</p>');
});
