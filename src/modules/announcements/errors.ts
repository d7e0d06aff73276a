import type { ErrorTable } from '../../platform/http/errors';

/** The announcements module's error codes and their HTTP status. */
export const announcementsErrors = {
  /** Only a draft can be published or edited freely; a published text changes by a correction. */
  'announcement.not_draft': 409,
  /** Only a published announcement can be corrected or withdrawn. */
  'announcement.not_published': 409,
  /** A confirmation or unsubscribe link that is wrong or used up. */
  'announcement.link_invalid': 404,
  /** publishFromModule named a category the municipality does not have. */
  'announcement.category_unknown': 422,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    announcements: typeof announcementsErrors;
  }
}
