import type { Message, MessagesPart } from '../../platform/i18n';
import { staffConfirmEn, staffConfirmPl } from './messages-confirm';
import { staffGrantsEn, staffGrantsPl } from './messages-grants';

/** Staff and roles: the list, invitations and their mail. */
export const staffPl = {
  ...staffConfirmPl,
  'mail.invite.subject': 'Zaproszenie do zespołu: {municipality}',
  'mail.invite.body': 'Dzień dobry,\n\nzapraszamy do pracy na platformie Wspólnota w gminie {municipality} w roli: {roles}.\nAby przyjąć zaproszenie, otwórz link:\n{link}\n\nZaproszenie jest ważne 7 dni.',

  'staff.title': 'Pracownicy i role',
  'staff.start.grants': { one: '{count} nadanie roli czeka na potwierdzenie', few: '{count} nadania ról czekają na potwierdzenie', many: '{count} nadań ról czeka na potwierdzenie', other: '{count} nadania roli czeka na potwierdzenie' },
  'staff.start.invite': 'Zaproś pracownika lub zmień role',
  'staff.intro': 'Zapraszaj pracowników i nadawaj im role w gminie.',
  'staff.members': 'Osoby z rolami',
  'staff.members_count': { one: '{count} osoba', few: '{count} osoby', many: '{count} osób', other: '{count} osoby' },
  'staff.col.person': 'Osoba',
  'staff.col.roles': 'Role',
  'staff.col.mfa': 'Logowanie dwuetapowe',
  'staff.col.actions': 'Działania',
  'staff.mfa_yes': 'włączone',
  'staff.mfa_no': 'wyłączone',
  'staff.edit': 'Zmień role: {name}',
  'staff.edit_title': 'Role: {name}',
  'staff.saved': 'Zapisano role.',
  'staff.invite_title': 'Zaproś pracownika',
  'staff.invite_submit': 'Wyślij zaproszenie',
  'staff.invited': 'Wysłano zaproszenie na adres {email}.',
  'staff.pending': 'Zaproszenia oczekujące',
  'staff.pending_empty': 'Brak oczekujących zaproszeń.',
  'staff.revoke': 'Odwołaj zaproszenie dla {email}',
  'staff.revoked': 'Odwołano zaproszenie.',
  'staff.expires': 'ważne do {date}',
  'invitation.title': 'Zaproszenie do zespołu',
  'invitation.intro': 'Gmina {municipality} zaprasza Cię w roli: {roles}.',
  'invitation.login_first': 'Zaloguj się lub załóż konto na adres {email}, a potem wróć do tego linku.',
  'invitation.accept': 'Przyjmuję zaproszenie',
  'invitation.accepted': 'Zaproszenie przyjęte. Masz teraz nowe role w gminie.',
} satisfies Record<string, Message>;

export const staffEn: Record<keyof typeof staffPl, Message> = {
  ...staffConfirmEn,
  'mail.invite.subject': 'Invitation to join the team: {municipality}',
  'mail.invite.body': 'Hello,\n\nyou are invited to work on the Wspólnota platform for {municipality} in the role of: {roles}.\nTo accept the invitation, open this link:\n{link}\n\nThe invitation is valid for 7 days.',

  'staff.title': 'Staff and roles',
  'staff.start.grants': { one: '{count} role grant waiting for confirmation', other: '{count} role grants waiting for confirmation' },
  'staff.start.invite': 'Invite staff or change roles',
  'staff.intro': 'Invite staff and assign them roles in the municipality.',
  'staff.members': 'People with roles',
  'staff.members_count': { one: '{count} person', other: '{count} people' },
  'staff.col.person': 'Person',
  'staff.col.roles': 'Roles',
  'staff.col.mfa': 'Two-step login',
  'staff.col.actions': 'Actions',
  'staff.mfa_yes': 'on',
  'staff.mfa_no': 'off',
  'staff.edit': 'Change roles: {name}',
  'staff.edit_title': 'Roles: {name}',
  'staff.saved': 'Roles saved.',
  'staff.invite_title': 'Invite a staff member',
  'staff.invite_submit': 'Send invitation',
  'staff.invited': 'Invitation sent to {email}.',
  'staff.pending': 'Pending invitations',
  'staff.pending_empty': 'No pending invitations.',
  'staff.revoke': 'Revoke invitation for {email}',
  'staff.revoked': 'Invitation revoked.',
  'staff.expires': 'valid until {date}',
  'invitation.title': 'Invitation to join the team',
  'invitation.intro': '{municipality} invites you to join in the role of: {roles}.',
  'invitation.login_first': 'Log in or create an account with the address {email}, then come back to this link.',
  'invitation.accept': 'Accept invitation',
  'invitation.accepted': 'Invitation accepted. You now have new roles in the municipality.',
};

declare module '../../platform/i18n/catalogue' {
  interface ModuleMessages {
    staff: typeof staffPl;
    'staff-grants': typeof staffGrantsPl;
  }
}

export const staffMessages: readonly MessagesPart[] = [{ pl: staffPl, en: staffEn }, { pl: staffGrantsPl, en: staffGrantsEn }];
