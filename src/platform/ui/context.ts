import type { Translator } from '../i18n';
import type { FieldErrors } from '../http/errors';
import type { NavGroup } from '../http/request-context';

/** What every page needs to render: language, who is looking, where, and the CSRF token for its forms. */
export interface PageContext {
  i18n: Translator;
  path: string;
  csrfToken: string;
  user: { id: string; displayName: string; email: string } | null;
  municipality: { slug: string; name: string; cusName: string } | null;
  /** Links the current person may follow in this municipality (by permission and role), each in its menu group. */
  nav: { href: string; label: string; group: NavGroup }[];
  /** The municipality's Atom feeds (modules' `feed` nav items), named in every page's head. */
  feeds?: { href: string; title: string }[];
  flash: string | null;
  requestId: string;
}

/** A form re-rendered after a failed submit: what was typed (never passwords) and what is wrong. */
export interface FormState {
  values: Record<string, string | string[]>;
  errors: FieldErrors;
  /** A problem with the form as a whole (e.g. wrong e-mail or password), already translated. */
  message?: string;
}

export const emptyForm = (values: Record<string, string | string[]> = {}): FormState => ({ values, errors: {} });
