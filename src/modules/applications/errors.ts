import type { ErrorTable } from '../../platform/http/errors';

/** The applications module's error codes and their HTTP status. */
export const applicationsErrors = {
  /** An application no longer in its queue (decided or withdrawn) cannot be decided, moved or withdrawn again. */
  'application.closed': 409,
  /** Applying for a service is for people of the municipality (who joined it, as residents or otherwise). */
  'application.join_first': 403,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    applications: typeof applicationsErrors;
  }
}
