import type { MessageKey } from '../../../platform/i18n';
import type { PageContext } from '../../../platform/ui/context';
import type { Option } from '../../../platform/ui/fields';
import { KINDS, SPHERES, type Kind, type Sphere } from '../domain';

export const organisationsBase = (ctx: PageContext) => `/${ctx.municipality!.slug}/organisations`;

export const kindLabel = (ctx: PageContext, kind: Kind) => ctx.i18n.t(`organisation_kind.${kind}`);
export const sphereLabel = (ctx: PageContext, sphere: Sphere) => ctx.i18n.t(`sphere.${sphere}` as MessageKey);

export const kindOptions = (ctx: PageContext): Option[] => KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }));
export const sphereOptions = (ctx: PageContext): Option[] => SPHERES.map(([code]) => ({ value: code, label: sphereLabel(ctx, code) }));

/** Blank-line separated paragraphs of a plain-text field. */
export function Paragraphs(props: { text: string }) {
  const paragraphs = props.text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p) => (
        <p class="prewrap">{p}</p>
      ))}
    </>
  );
}

/** Only http(s) addresses become links (never javascript: or data:). */
export const webHref = (url: string): string | null => (/^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null);

/** A dialable tel: link; Polish nine-digit numbers get the +48 prefix. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  return digits.length === 9 ? `tel:+48${digits}` : `tel:${digits}`;
}

