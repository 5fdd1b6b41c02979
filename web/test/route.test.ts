import { describe, expect, it } from 'vitest';
import { ACCOUNT_TABS, parseRoute, routeHash } from '../src/logic/route';

describe('routes', () => {
  it('round-trip every screen', () => {
    const routes = [
      { screen: 'accounts' as const },
      { screen: 'review' as const },
      { screen: 'dashboard' as const },
      ...ACCOUNT_TABS.map((tab) => ({ screen: 'account' as const, account: '0193-abc/é', tab })),
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
  it('default unknown input to something sensible', () => {
    expect(parseRoute('')).toEqual({ screen: 'accounts' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'accounts' });
    expect(parseRoute('#/account/x/bogus')).toEqual({ screen: 'account', account: 'x', tab: 'overview' });
  });
});
