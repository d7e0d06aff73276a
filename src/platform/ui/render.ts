import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Server-side render of a page: Preact escapes every text and attribute value. */
export function renderDocument(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}
