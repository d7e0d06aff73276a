import type { ComponentChildren } from 'preact';
import type { PageContext } from './context';
import { NAV_GROUPS } from '../http/request-context';

/** One line of at most 160 characters, cut at a word: longer ones are cut by search engines anyway. */
export function metaDescription(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= 160) return line;
  const cut = line.slice(0, 159);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 100 ? cut.lastIndexOf(' ') : 159)}…`;
}

/** The municipality's links grouped by what the person does; a link another group already holds is left out. */
function NavGroups({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const seen = new Set<string>();
  const groups = NAV_GROUPS.map((group) => ({
    group,
    items: ctx.nav.filter((n) => n.group === group && !seen.has(n.href) && Boolean(seen.add(n.href))),
  })).filter((g) => g.items.length > 0);
  return (
    <div class="nav-groups">
      {groups.map(({ group, items }) => (
        <div class="nav-group">
          <p class="nav-group-title" aria-hidden="true">
            {t(`nav.group.${group}`)}
          </p>
          <ul class="nav-list" aria-label={t(`nav.group.${group}`)}>
            {items.map((item) => (
              <li>
                <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** `description`: what search engines and link previews show; without one, what the platform is. */
export function Layout(props: { ctx: PageContext; title: string; description?: string; feeds?: { href: string; title: string }[]; children: ComponentChildren }) {
  const { ctx } = props;
  const { t, locale } = ctx.i18n;
  const other = locale === 'pl' ? 'en' : 'pl';
  const siteName = ctx.municipality ? ctx.municipality.cusName : t('app.name');
  const homeHref = ctx.municipality ? `/${ctx.municipality.slug}` : '/';
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${siteName}`}</title>
        <meta name="description" content={metaDescription(props.description ?? t('meta.description', { site: siteName }))} />
        <link rel="icon" href="/favicon.ico" sizes="48x48" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/site.css" />
        {[...(ctx.feeds ?? []), ...(props.feeds ?? [])].map((f) => (
          <link rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={homeHref}>
              {siteName}
            </a>
            <ul class="nav-list nav-tools">
              {ctx.user ? (
                <>
                  <li>
                    <a href="/account" aria-current={ctx.path === '/account' ? 'page' : undefined}>
                      {t('nav.account')}
                    </a>
                  </li>
                  <li>
                    <form method="post" action="/logout" class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('nav.logout')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href="/login">{t('nav.login')}</a>
                  </li>
                  <li>
                    <a href="/register">{t('nav.register')}</a>
                  </li>
                </>
              )}
              <li>
                <form method="post" action="/language" class="inline-form" aria-label={t('lang.form_label')}>
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input type="hidden" name="locale" value={other} />
                  <input type="hidden" name="return" value={ctx.path} />
                  <button type="submit" class="link-button" lang={other} aria-label={t('lang.switch_label')}>
                    {t('lang.switch')}
                  </button>
                </form>
              </li>
            </ul>
          </div>
          {ctx.nav.length > 0 ? (
            <div class="wrap">
              {/* The same menu twice: laid out in full on a wide screen, behind one disclosure on a phone (CSS shows one; no JavaScript). */}
              <nav aria-label={t('nav.main')} class="nav-wide">
                <NavGroups ctx={ctx} />
              </nav>
              <details class="nav-narrow">
                <summary>{t('nav.menu')}</summary>
                <nav aria-label={t('nav.main')}>
                  <NavGroups ctx={ctx} />
                </nav>
              </details>
            </div>
          ) : null}
        </header>
        <main id="main" tabIndex={-1} class="wrap">
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t('footer.text')} <a href={ctx.municipality ? `/${ctx.municipality.slug}/deklaracja-dostepnosci` : '/deklaracja-dostepnosci'}>{t('footer.accessibility')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page with one h1 and, when given, the way back above it (management and detail pages). */
export function PageLayout(props: { ctx: PageContext; title: string; back?: { href: string; label: string }; feeds?: { href: string; title: string }[]; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title} feeds={props.feeds}>
      {props.back ? (
        <p class="admin-back">
          <a href={props.back.href}>{props.back.label}</a>
        </p>
      ) : null}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
