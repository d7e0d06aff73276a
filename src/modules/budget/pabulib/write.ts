import { toCsv } from '../../../platform/export/csv';
import type { PbFile } from './types';

/** Writes a `.pb` file: META, PROJECTS and VOTES, `;`-separated, fields quoted only where needed, LF line ends. */
export function writePb(file: PbFile): string {
  const table = (rows: string[][]) => toCsv(rows, { delimiter: ';', lineEnd: 'lf', bom: false, neutraliseFormulas: false });
  const section = (name: string, rows: Array<Record<string, string>>, required: string[]) => {
    const header = headerOf(rows, required);
    return `${name}\n${table([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))])}`;
  };
  const meta = `META\n${table([['key', 'value'], ...Object.entries(file.meta)])}`;
  return meta + section('PROJECTS', file.projects, ['project_id', 'cost']) + section('VOTES', file.votes, ['voter_id', 'vote']);
}

function headerOf(rows: Array<Record<string, string>>, required: string[]): string[] {
  const names = new Set<string>(required);
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names];
}
