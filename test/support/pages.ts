/** Readers of server-rendered pages: what a field's error says, an input's value, the page's text. */

/** The message shown when someone else saved the same record first. */
export const CONFLICT = 'Ktoś inny zmienił te dane w międzyczasie.';

const unescapeHtml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The field error shown under a field (by its f-<name> id). */
export const fieldError = (body: string, name: string) => unescapeHtml(new RegExp(`id="f-${escapeRe(name)}-error">([^<]*)<`).exec(body)?.[1] ?? '');

/** The value of an input named `name` in a page. */
export function inputValue(body: string, name: string): string | undefined {
  const tag = new RegExp(`<input(?:[^>"]|"[^"]*")*\\bname="${escapeRe(name)}"(?:[^>"]|"[^"]*")*>`).exec(body)?.[0];
  if (!tag) return undefined;
  const v = /\bvalue="([^"]*)"/.exec(tag)?.[1];
  return v === undefined ? '' : unescapeHtml(v);
}

/** The page's text without tags (for "does the page say …" checks). */
export const pageText = (body: string) => unescapeHtml(body.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
