// The full-page frame of the console and the portal: head (CSS, bundle, CSRF and live-events meta),
// skip link, navigation, main landmark and the engine-link status. Fragments never use it.
import { html, type SafeHtml } from '../server/html';

export interface Assets {
  script: string;
  style: string;
}

export interface NavItem {
  href: string;
  label: string;
}

export const CONSOLE_NAV: NavItem[] = [
  { href: '/console', label: 'Overview' },
  { href: '/console/whales', label: 'Whales' },
  { href: '/console/followers', label: 'Followers' },
  { href: '/console/feed', label: 'Live feed' },
  { href: '/console/latency', label: 'Latency' },
  { href: '/console/state', label: 'Trading state' },
  { href: '/console/dead-letters', label: 'Dead letters' },
  { href: '/console/audit', label: 'Audit log' },
];

export const PORTAL_NAV: NavItem[] = [
  { href: '/portal', label: 'My copying' },
  { href: '/portal/follows', label: 'Whales I follow' },
  { href: '/portal/history', label: 'Orders & PnL' },
  { href: '/portal/key', label: 'Venue key' },
];

export interface PageInput {
  realm: 'console' | 'portal';
  title: string;
  assets: Assets;
  /** Current path, to mark the active navigation item. */
  path: string;
  main: SafeHtml;
  /** Signed in: CSRF token, who, the SSE URL; anonymous pages (sign-in) pass `csrf` only. */
  csrf: string;
  user?: { name: string };
  eventsUrl?: string;
}

function navigation(items: NavItem[], path: string): SafeHtml {
  return html`<nav aria-label="Main"><ul class="nav">${items.map((item) => {
    const current = item.href === path || (item.href !== '/console' && item.href !== '/portal' && path.startsWith(`${item.href}/`));
    return html`<li><a href="${item.href}" ${current ? html`aria-current="page"` : ''}>${item.label}</a></li>`;
  })}</ul></nav>`;
}

export function page(input: PageInput): SafeHtml {
  const product = input.realm === 'console' ? 'whalecopy console' : 'whalecopy portal';
  return html`<!doctype html>
<html lang="en" class="realm-${input.realm}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${input.csrf}">
${input.eventsUrl === undefined ? '' : html`<meta name="wc-events" content="${input.eventsUrl}">`}
<meta name="htmx-config" content='{"includeIndicatorCSS":false,"defaultTimeout":20000}'>
<title>${input.title} · ${product}</title>
<link rel="stylesheet" href="${input.assets.style}">
<script type="module" src="${input.assets.script}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="top">
  <div class="brand"><a href="/${input.realm}">${product}</a></div>
  ${input.user === undefined ? '' : html`
  ${navigation(input.realm === 'console' ? CONSOLE_NAV : PORTAL_NAV, input.path)}
  <div class="who">
    <wc-link-status></wc-link-status>
    <span class="user">${input.user.name}</span>
    <form method="post" action="/${input.realm}/logout" class="inline">
      <input type="hidden" name="_csrf" value="${input.csrf}">
      <button type="submit" class="link">Sign out</button>
    </form>
  </div>`}
</header>
<main id="main" tabindex="-1">
<h1>${input.title}</h1>
${input.main}
</main>
</body>
</html>`;
}
