import MarkdownIt from 'markdown-it';

/**
 * Announcements' bodies are Markdown (ADR 0027): headings, lists, links, tables, rendered by markdown-it
 * with `html: false` (any markup typed is shown as text), no images (an image is an attachment with its
 * alt text), and links only to http(s), mailto and addresses within the site.
 */
const SAFE_LINK = /^(https?:\/\/|mailto:|\/(?!\/)|#|\?)/i;
/** A link with no scheme at all ("regulamin.pdf") is relative, hence safe. */
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export const isSafeLink = (url: string): boolean => {
  const u = url.trim();
  return SAFE_LINK.test(u) || (!HAS_SCHEME.test(u) && !u.startsWith('//') && !u.startsWith('\\'));
};

function makeRenderer(onRefused?: (url: string) => void): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.disable(['image']);
  md.validateLink = (url) => {
    const ok = isSafeLink(url);
    if (!ok) onRefused?.(url);
    return ok;
  };
  // Headings in a body start at h2 under the page's h1 (the title), whichever level the author began with: the highest becomes h2, the rest follow.
  md.core.ruler.push('shift_headings', (state) => {
    const headings = state.tokens.filter((t) => t.type === 'heading_open' || t.type === 'heading_close');
    if (headings.length === 0) return;
    const shift = 2 - Math.min(...headings.map((t) => Number(t.tag.slice(1))));
    for (const token of headings) token.tag = `h${String(Math.min(6, Number(token.tag.slice(1)) + shift))}`;
  });
  // External links say so to nobody but open as links; no target, no opener.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const href = String(tokens[idx]!.attrGet('href') ?? '');
    if (/^https?:\/\//i.test(href)) tokens[idx]!.attrSet('rel', 'nofollow noopener');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  // A table in a scrolling region is reachable by keyboard at 320 px.
  md.renderer.rules.table_open = () => '<div class="table-scroll" role="region" tabindex="0" aria-label="Tabela"><table>\n';
  md.renderer.rules.table_close = () => '</table>\n</div>\n';
  return md;
}

const renderer = makeRenderer();

/** The body as safe HTML. */
export const renderMarkdown = (body: string): string => renderer.render(body);

/** Links of the body that would be dropped (javascript:, data:, file: …): the form refuses them. */
export function refusedLinks(body: string): string[] {
  const refused: string[] = [];
  const checker = makeRenderer((url) => refused.push(url));
  checker.parse(body, {});
  // markdown-it's own normaliser drops some schemes before validateLink: catch them in the raw text too.
  for (const m of body.matchAll(/\]\(\s*<?\s*([^)\s>]+)/g)) if (!isSafeLink(m[1]!)) refused.push(m[1]!);
  for (const m of body.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) if (!isSafeLink(m[1]!)) refused.push(m[1]!);
  return [...new Set(refused)];
}

/** Plain text of the body (the feed's summary fallback, the mail). */
export const plainText = (body: string): string =>
  renderMarkdown(body)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
