// The page shell of the console: one stylesheet and one script from our own
// origin, nothing inline, so the strict Content-Security-Policy holds.
import { type HtmlValue, html, type SafeHtml } from './html.js';
import type { View } from './view.js';

export const consoleCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export interface PageOptions {
  title: string;
  /** data-page on <body>: tells console.js which live updates to run. */
  page: string;
  body: HtmlValue;
  data?: Record<string, string | number>;
}

export function renderPage(view: View, options: PageOptions): string {
  const data = Object.entries(options.data ?? {}).map(([key, value]) => html` data-${key}="${value}"`);
  return `<!doctype html>\n${html`<html lang="${view.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
${view.csrf ? html`<meta name="csrf-token" content="${view.csrf}">` : ''}
<title>${options.title} · Spreekuur</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script>
</head>
<body data-page="${options.page}"${data}>
${renderHeader(view)}
<main>${options.body}</main>
</body>
</html>`.value}`;
}

function renderHeader(view: View): SafeHtml {
  const user = view.user;
  if (!user) return html`<header class="top"><span class="brand">Spreekuur</span></header>`;
  const manage = user.role === 'admin' || user.role === 'coordinator';
  return html`<header class="top">
<span class="brand">Spreekuur</span>
<nav>
<a href="/console/queue">${view.t('nav.queue')}</a>
<a href="/console/appointments">${view.t('nav.appointments')}</a>
${manage ? html`<a href="/console/users">${view.t('nav.users')}</a>` : ''}
${user.role === 'admin' ? html`<a href="/console/audit">${view.t('nav.audit')}</a>` : ''}
</nav>
<span class="who">${user.displayName ?? user.email} · ${view.t(`roles.${user.role}`)}</span>
<a class="lang" href="/console/lang/${view.locale === 'nl' ? 'en' : 'nl'}">${view.locale === 'nl' ? 'English' : 'Nederlands'}</a>
<form method="post" action="/console/logout" class="inline">${csrfField(view)}<button type="submit">${view.t('nav.logout')}</button></form>
</header>`;
}

export function csrfField(view: View): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${view.csrf ?? ''}">`;
}

export function flash(view: View, kind: 'error' | 'info', key: string | undefined, values?: Record<string, string | number>): SafeHtml {
  if (!key) return html``;
  return html`<p class="flash flash-${kind}" role="${kind === 'error' ? 'alert' : 'status'}">${view.t(key, values)}</p>`;
}
