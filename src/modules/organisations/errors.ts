import type { ErrorTable } from '../../platform/http/errors';

/** The organisations module's error codes and their HTTP status. */
export const organisationsErrors = {
  /** An organisation keeps at least one administrator. */
  'organisation.last_admin': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    organisations: typeof organisationsErrors;
  }
}
