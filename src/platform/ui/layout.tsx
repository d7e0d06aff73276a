import type { ComponentChildren } from 'preact';
import type { PageContext } from './context';

export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
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
        <link rel="stylesheet" href="/static/site.css" />
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
            <nav aria-label={t('nav.main')}>
              <ul class="nav-list">
                {ctx.nav.map((item) => (
                  <li>
                    <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
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
            </nav>
          </div>
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
            <p>{t('footer.text')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** A page with one h1 and, when given, the way back above it (management and detail pages). */
export function PageLayout(props: { ctx: PageContext; title: string; back?: { href: string; label: string }; children: ComponentChildren }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
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
