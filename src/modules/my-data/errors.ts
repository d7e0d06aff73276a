import type { ErrorTable } from '../../platform/http/errors';

/** The my-data module's error codes and their HTTP status. */
export const myDataErrors = {
  /** A resident's document removed by its uploader: the record stays, the content is gone. */
  'document.removed': 410,
  /** A consent withdrawn already (twice, or in another tab). */
  'consent.withdrawn': 409,
  /** Processing by the centre cannot be withdrawn while its application waits in a queue / belongs to an open case. */
  'consent.needed_in_queue': 409,
  'consent.needed_in_case': 409,
  /** "Moje sprawy" is for people of the municipality (any role); others are told how to join. */
  'my_data.join_first': 403,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    'my-data': typeof myDataErrors;
  }
}
