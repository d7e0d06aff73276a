import { CsvError, parse } from 'csv-parse/sync';
import { PbParseError } from './errors';
import type { PbFile } from './types';

/**
 * Reads a `.pb` file (pabulib.org/format): the sections META, PROJECTS and VOTES in this order, each
 * opened by its name on a line of its own and followed by a header row; `;`-separated, quoted fields
 * allowed, spaces around fields ignored. Refuses (PbParseError, line and field named) a missing section
 * or header, a row with another number of columns than its header, a cost or budget that is not a
 * number, a project listed twice, and a vote naming a project the file does not list.
 */
const SECTIONS = ['meta', 'projects', 'votes'] as const;
type Section = (typeof SECTIONS)[number];

interface Row { line: number; cells: string[] }

export function parsePb(text: string): PbFile {
  const rows = readRows(text);
  const sections = new Map<Section, { line: number; header: string[]; rows: Row[] }>();
  let current: { line: number; header: string[]; rows: Row[] } | null = null;
  let expectHeader = false;
  for (const row of rows) {
    const name = row.cells.length === 1 ? row.cells[0]!.toLowerCase() : '';
    if ((SECTIONS as readonly string[]).includes(name)) {
      const section = name as Section;
      const expected = SECTIONS[sections.size];
      if (section !== expected) {
        throw new PbParseError('section_order', row.line, undefined,
          `sekcja ${section.toUpperCase()} w złym miejscu — oczekiwano sekcji ${(expected ?? 'żadnej').toUpperCase()} (kolejność: META, PROJECTS, VOTES).`);
      }
      current = { line: row.line, header: [], rows: [] };
      sections.set(section, current);
      expectHeader = true;
      continue;
    }
    if (current === null) {
      throw new PbParseError('missing_section', row.line, undefined, 'plik musi zaczynać się od sekcji META.');
    }
    if (expectHeader) {
      current.header = row.cells.map((c) => c.toLowerCase());
      expectHeader = false;
      continue;
    }
    if (row.cells.length !== current.header.length) {
      throw new PbParseError('column_count', row.line, undefined,
        `wiersz ma ${row.cells.length} kolumn, a nagłówek sekcji ${current.header.length}.`);
    }
    current.rows.push(row);
  }
  for (const section of SECTIONS) {
    const found = sections.get(section);
    const last = rows.at(-1)?.line ?? 1;
    if (!found) throw new PbParseError('missing_section', last, undefined, `brak sekcji ${section.toUpperCase()}.`);
    if (found.header.length === 0) throw new PbParseError('missing_header', found.line, undefined, `sekcja ${section.toUpperCase()} nie ma wiersza nagłówka.`);
  }
  const meta = readMeta(sections.get('meta')!);
  const projects = readProjects(sections.get('projects')!);
  const votes = readVotes(sections.get('votes')!, new Set(projects.map((p) => p.project_id!)));
  return { meta, projects, votes };
}

/**
 * Rows with their line numbers. A line without quotes is split at `;` directly (most of a file: the votes);
 * a line with quotes — with the lines that follow while a quoted field stays open — goes through csv-parse.
 */
function readRows(text: string): Row[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (!line.includes('"')) {
      rows.push({ line: i + 1, cells: line.split(';').map((c) => c.trim()) });
      continue;
    }
    const first = i;
    let chunk = line;
    while (quotes(chunk) % 2 === 1 && i + 1 < lines.length) chunk += `\n${lines[++i]}`;
    rows.push({ line: first + 1, cells: parseQuoted(chunk, first + 1) });
  }
  return rows;
}

function quotes(text: string): number {
  let n = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) n++;
  return n;
}

function parseQuoted(chunk: string, line: number): string[] {
  try {
    const records = parse(chunk, { delimiter: ';', relax_quotes: true, trim: true, relax_column_count: true }) as string[][];
    return records[0] ?? [];
  } catch (error) {
    if (error instanceof CsvError) throw new PbParseError('csv', line, undefined, `nie da się odczytać wiersza (${error.code}).`);
    throw error;
  }
}

function column(section: { line: number; header: string[] }, name: string, title: string): number {
  const at = section.header.indexOf(name);
  if (at < 0) throw new PbParseError('missing_column', section.line + 1, name, `sekcja ${title} nie ma kolumny „${name}”.`);
  return at;
}

function requireNumber(value: string, line: number, field: string, what: string): void {
  if (value === '' || !Number.isFinite(Number(value))) {
    throw new PbParseError('invalid_number', line, field, `${what} „${value}” nie jest liczbą.`);
  }
}

function readMeta(section: { line: number; header: string[]; rows: Row[] }): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const row of section.rows) meta[row.cells[0]!] = row.cells[1] ?? '';
  const budgetRow = section.rows.find((r) => r.cells[0] === 'budget');
  if (!budgetRow) throw new PbParseError('missing_column', section.line, 'budget', 'sekcja META nie podaje budżetu (klucz „budget”).');
  requireNumber(budgetRow.cells[1] ?? '', budgetRow.line, 'budget', 'budżet');
  return meta;
}

function readProjects(section: { line: number; header: string[]; rows: Row[] }): Array<Record<string, string>> {
  const idAt = column(section, 'project_id', 'PROJECTS');
  const costAt = column(section, 'cost', 'PROJECTS');
  const seen = new Set<string>();
  return section.rows.map((row) => {
    const id = row.cells[idAt]!;
    if (seen.has(id)) throw new PbParseError('duplicate_project', row.line, 'project_id', `projekt „${id}” występuje dwa razy.`);
    seen.add(id);
    requireNumber(row.cells[costAt]!, row.line, 'cost', `koszt projektu „${id}”`);
    return recordOf(section.header, row.cells);
  });
}

function readVotes(section: { line: number; header: string[]; rows: Row[] }, projectIds: ReadonlySet<string>): Array<Record<string, string>> {
  const voteAt = column(section, 'vote', 'VOTES');
  const pointsAt = section.header.indexOf('points');
  return section.rows.map((row) => {
    const chosen = splitList(row.cells[voteAt]!);
    if (chosen.length === 0) throw new PbParseError('empty_vote', row.line, 'vote', 'głos nie wskazuje żadnego projektu.');
    const seen = new Set<string>();
    for (const id of chosen) {
      if (!projectIds.has(id)) throw new PbParseError('unknown_project', row.line, 'vote', `głos wskazuje projekt „${id}”, którego nie ma w sekcji PROJECTS.`);
      if (seen.has(id)) throw new PbParseError('duplicate_vote_project', row.line, 'vote', `głos wskazuje projekt „${id}” więcej niż raz.`);
      seen.add(id);
    }
    if (pointsAt >= 0) {
      const points = splitList(row.cells[pointsAt]!);
      if (points.length !== chosen.length) {
        throw new PbParseError('points_mismatch', row.line, 'points', `głos wskazuje ${chosen.length} projektów, a punktów podaje ${points.length}.`);
      }
      for (const p of points) requireNumber(p, row.line, 'points', 'liczba punktów');
    }
    return recordOf(section.header, row.cells);
  });
}

export function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function recordOf(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  header.forEach((name, i) => { record[name] = cells[i] ?? ''; });
  return record;
}
