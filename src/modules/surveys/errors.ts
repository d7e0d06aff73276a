import type { ErrorTable } from '../../platform/http/errors';

/** The surveys module's error codes and their HTTP status. */
export const surveysErrors = {
  /** An answer before the opening, after the closing (server clock, Europe/Warsaw) or while the survey is not open. */
  'survey.closed': 409,
  /** This account has already started or sent a response to this survey. */
  'survey.already_answered': 409,
  /** The survey asks residents with accounts (or organisations) and this person is not one. */
  'survey.not_for_you': 403,
  /** No response in progress in this browser (the cookie is gone, or the response was sent). */
  'survey.no_draft': 409,
  /** A required question shown to the respondent is still unanswered. */
  'survey.incomplete': 422,
  /** A survey without questions cannot open. */
  'survey.no_questions': 409,
  /** A cross-tabulation needs two questions with choices (single, multiple, scale). */
  'survey.cross_tab_pair': 422,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    surveys: typeof surveysErrors;
  }
}
