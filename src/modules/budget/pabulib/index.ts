/**
 * The pabulib `.pb` format (pabulib.org/format, ADR 0029): parse, write, and the election a file describes.
 * Pure TypeScript: no database, no Fastify.
 */
export type { PbFile } from './types';
export { PbParseError, type PbErrorCode } from './errors';
export { parsePb } from './parse';
export { writePb } from './write';
export { electionFromPb, pbRuleName, ruleFromPbName } from './election';
