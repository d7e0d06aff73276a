import type { Translator } from '../i18n';
import type { FieldErrors } from '../http/errors';

/** What every page needs to render: language, who is looking, where, and the CSRF token for its forms. */
export interface PageContext {
  i18n: Translator;
  path: string;
  csrfToken: string;
  user: { id: string; displayName: string; email: string } | null;
  municipality: { slug: string; name: string; cusName: string } | null;
  /** Links the current person may follow in this municipality (by permission). */
  nav: { href: string; label: string }[];
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
