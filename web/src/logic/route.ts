// Client routes live in the location hash, so the server's index.html fallback and the
// service worker's app shell serve every route, online or not.

export type AccountTab = 'overview' | 'map' | 'needs' | 'visits' | 'plan';
export const ACCOUNT_TABS: AccountTab[] = ['overview', 'map', 'needs', 'visits', 'plan'];

export type Route =
  | { screen: 'accounts' }
  | { screen: 'review' }
  | { screen: 'dashboard' }
  | { screen: 'account'; account: string; tab: AccountTab };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'review') return { screen: 'review' };
  if (parts[0] === 'dashboard') return { screen: 'dashboard' };
  if (parts[0] === 'account' && parts[1]) {
    const tab = (ACCOUNT_TABS as string[]).includes(parts[2] ?? '') ? (parts[2] as AccountTab) : 'overview';
    return { screen: 'account', account: parts[1], tab };
  }
  return { screen: 'accounts' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'accounts':
      return '#/accounts';
    case 'review':
      return '#/review';
    case 'dashboard':
      return '#/dashboard';
    case 'account':
      return `#/account/${encodeURIComponent(route.account)}/${route.tab}`;
  }
}
