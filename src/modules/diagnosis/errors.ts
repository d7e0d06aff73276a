import type { ErrorTable } from '../../platform/http/errors';

/** The diagnosis module's error codes and their HTTP status. */
export const diagnosisErrors = {
  /** The status cannot move so (draft → in progress → adopted, one step at a time; an adopted diagnosis is final). */
  'diagnosis.status': 409,
  /** An adopted diagnosis is no longer edited: its needs, resources and data stay as adopted. */
  'diagnosis.adopted': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    diagnosis: typeof diagnosisErrors;
  }
}
