import type { Message } from '../types';

/** Messages of the cases module. */
export const casesPl = {
  'errors.case.need_to_know': 'Ta sprawa nie należy do Ciebie ani do Twojego zespołu. Jeśli musisz ją otworzyć, podaj powód — dostęp zostanie zapisany i zgłoszony audytorowi.',
  'errors.case.closed': 'Sprawa jest zamknięta — nie można jej już zmieniać.',
} satisfies Record<string, Message>;

export const casesEn: Record<keyof typeof casesPl, Message> = {
  'errors.case.need_to_know': "This case is neither yours nor your team's. If you must open it, give a reason: the access is recorded and reported to the auditor.",
  'errors.case.closed': 'The case is closed and can no longer be changed.',
};
