import type { ErrorTable } from '../../platform/http/errors';

/** The consultations module's error codes and their HTTP status. */
export const consultationsErrors = {
  /** A remark after the closing time (or before the opening), by the server's clock. */
  'consultation.not_open': 409,
  /** A remark on a part removed from the text. */
  'consultation.part_gone': 409,
  /** The text cannot change while people comment on it. */
  'consultation.text_locked': 409,
  /** The person is not among those consulted (or not a member of the organisation named). */
  'consultation.not_consulted': 403,
  /** The report is already published, or the consultation has not closed yet. */
  'consultation.report_state': 409,
  /** The short survey is already open (or closed): its questions change in the surveys module's builder, which keeps answers with their question. */
  'consultation.survey_not_draft': 409,
} as const satisfies ErrorTable;

declare module '../../platform/http/errors' {
  interface ModuleErrors {
    consultations: typeof consultationsErrors;
  }
}
