import type { Message } from '../../platform/i18n';

/** The confirmation pages of staff's irreversible actions: revoking an invitation, declining or withdrawing a request for roles. */
export const staffConfirmPl = {
  'staff.confirm.email': 'Adres e-mail',
  'staff.confirm.roles': 'Role',
  'staff.confirm.expires': 'Ważne do',
  'staff.confirm.asked_by': 'Prosi',
  'staff.confirm.revoke.title': 'Odwołać zaproszenie dla {email}?',
  'staff.confirm.revoke.effect': 'Link z zaproszenia przestanie działać; ta osoba nie dołączy do zespołu i nie dostanie ról.',
  'staff.confirm.revoke.undo': 'Nie można tego cofnąć: odwołanego zaproszenia nie przywrócimy. Możesz zaprosić tę osobę ponownie.',
  'staff.confirm.revoke.submit': 'Tak, odwołaj zaproszenie',
  'staff.confirm.revoke.keep': 'Nie, zostaw zaproszenie',
  'staff.confirm.decline.title': 'Odrzucić prośbę o nadanie ról: {who}?',
  'staff.confirm.withdraw.title': 'Wycofać prośbę o nadanie ról: {who}?',
  'staff.confirm.decline.effect': 'Role nie zostaną nadane; prośba zniknie z listy czekających na potwierdzenie.',
  'staff.confirm.decline.undo': 'Nie można tego cofnąć: odrzuconej prośby nie przywrócimy. Administrator może poprosić o te role od nowa — i znów potrzebna będzie druga osoba.',
  'staff.confirm.decline.submit': 'Tak, odrzuć prośbę',
  'staff.confirm.withdraw.submit': 'Tak, wycofaj prośbę',
  'staff.confirm.decline.keep': 'Nie, zostaw prośbę',
} satisfies Record<string, Message>;

export const staffConfirmEn: Record<keyof typeof staffConfirmPl, Message> = {
  'staff.confirm.email': 'E-mail address',
  'staff.confirm.roles': 'Roles',
  'staff.confirm.expires': 'Valid until',
  'staff.confirm.asked_by': 'Asked by',
  'staff.confirm.revoke.title': 'Revoke the invitation for {email}?',
  'staff.confirm.revoke.effect': 'The link in the invitation stops working; the person does not join the team nor get the roles.',
  'staff.confirm.revoke.undo': 'It cannot be undone: a revoked invitation is not restored. You can invite the person again.',
  'staff.confirm.revoke.submit': 'Yes, revoke the invitation',
  'staff.confirm.revoke.keep': 'No, keep the invitation',
  'staff.confirm.decline.title': 'Decline the request for roles: {who}?',
  'staff.confirm.withdraw.title': 'Withdraw the request for roles: {who}?',
  'staff.confirm.decline.effect': 'The roles are not given; the request leaves the list waiting for confirmation.',
  'staff.confirm.decline.undo': 'It cannot be undone: a declined request is not restored. An administrator may ask for the roles again — and a second person is needed again.',
  'staff.confirm.decline.submit': 'Yes, decline the request',
  'staff.confirm.withdraw.submit': 'Yes, withdraw the request',
  'staff.confirm.decline.keep': 'No, keep the request',
};
