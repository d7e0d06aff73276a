import type { Message } from '../../platform/i18n';

/** The confirmation page of cancelling a meeting. */
export const meetingsConfirmPl = {
  'meetings.confirm_cancel.title': 'Odwołać spotkanie „{title}”?',
  'meetings.confirm_cancel.mail': { one: '{count} zaproszony, który nie odmówił, dostanie wiadomość z powodem odwołania, a spotkanie zniknie z jego kalendarza.', few: '{count} zaproszonych, którzy nie odmówili, dostanie wiadomość z powodem odwołania, a spotkanie zniknie z ich kalendarzy.', many: '{count} zaproszonych, którzy nie odmówili, dostanie wiadomość z powodem odwołania, a spotkanie zniknie z ich kalendarzy.', other: '{count} zaproszonego, który nie odmówił, dostanie wiadomość z powodem odwołania.' },
  'meetings.confirm_cancel.no_mail': 'Nikt nie dostanie wiadomości: spotkanie już się zaczęło albo nikt nie czeka na nie.',
  'meetings.confirm_cancel.room': 'Rezerwacja sali ({room}) zostanie anulowana, a sala będzie wolna dla innych.',
  'meetings.confirm_cancel.answers': 'Nie będzie już można odpowiadać na zaproszenie ani zapraszać kolejnych osób.',
  'meetings.confirm_cancel.undo': 'Nie można tego cofnąć: odwołanego spotkania nie przywrócimy. Możesz zaplanować nowe spotkanie i zaprosić wszystkich od nowa.',
  'meetings.confirm_cancel.submit': 'Tak, odwołaj spotkanie',
  'meetings.confirm_cancel.keep': 'Nie, wróć do spotkania',
  'meetings.confirm_cancel.link': 'Odwołaj spotkanie…',
} satisfies Record<string, Message>;

export const meetingsConfirmEn: Record<keyof typeof meetingsConfirmPl, Message> = {
  'meetings.confirm_cancel.title': 'Cancel the meeting “{title}”?',
  'meetings.confirm_cancel.mail': { one: '{count} invitee who has not declined gets a message with the reason, and the meeting leaves their calendar.', other: '{count} invitees who have not declined get a message with the reason, and the meeting leaves their calendars.' },
  'meetings.confirm_cancel.no_mail': 'Nobody gets a message: the meeting has started or nobody is waiting for it.',
  'meetings.confirm_cancel.room': 'The room booking ({room}) is cancelled and the room becomes free for others.',
  'meetings.confirm_cancel.answers': 'Nobody can answer the invitation any more, and nobody more can be invited.',
  'meetings.confirm_cancel.undo': 'It cannot be undone: a cancelled meeting is not restored. You can plan a new meeting and invite everyone again.',
  'meetings.confirm_cancel.submit': 'Yes, cancel the meeting',
  'meetings.confirm_cancel.keep': 'No, back to the meeting',
  'meetings.confirm_cancel.link': 'Cancel the meeting…',
};
