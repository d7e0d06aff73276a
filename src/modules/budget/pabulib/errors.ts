/**
 * A malformed `.pb` file: the line (1-based) and the field at fault, a stable code, and a Polish message
 * that names both ("Wiersz 14, pole „cost”: …").
 */
export type PbErrorCode =
  | 'csv' | 'missing_section' | 'section_order' | 'missing_header' | 'missing_column' | 'column_count'
  | 'invalid_number' | 'duplicate_project' | 'unknown_project' | 'duplicate_vote_project' | 'points_mismatch' | 'empty_vote';

export class PbParseError extends Error {
  readonly line: number;
  readonly field?: string;
  readonly code: PbErrorCode;

  constructor(code: PbErrorCode, line: number, field: string | undefined, detail: string) {
    super(`Wiersz ${line}${field === undefined ? '' : `, pole „${field}”`}: ${detail}`);
    this.name = 'PbParseError';
    this.code = code;
    this.line = line;
    if (field !== undefined) this.field = field;
  }
}
