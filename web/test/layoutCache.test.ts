import { describe, expect, it } from 'vitest';
import { cachedLayout, cacheLayout, type LayoutStore } from '../src/powermap/layoutCache';

function memoryStore(): LayoutStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('layout cache', () => {
  it('returns the positions of the same layout key only, per account', () => {
    const store = memoryStore();
    cacheLayout('acme', 'k1', new Map([['a', { x: 10.4, y: 20.6 }], ['b', { x: 0, y: 120 }]]), store);
    expect(cachedLayout('acme', 'k1', store)).toEqual(new Map([['a', { x: 10, y: 21 }], ['b', { x: 0, y: 120 }]]));
    expect(cachedLayout('acme', 'k2', store)).toBeNull();
    expect(cachedLayout('beta', 'k1', store)).toBeNull();
    cacheLayout('acme', 'k2', new Map([['c', { x: 1, y: 2 }]]), store);
    expect(cachedLayout('acme', 'k1', store)).toBeNull();
    expect(cachedLayout('acme', 'k2', store)?.get('c')).toEqual({ x: 1, y: 2 });
  });
  it('ignores damaged entries and a full storage', () => {
    const store = memoryStore();
    store.items.set('accord.layout.acme', '{not json');
    expect(cachedLayout('acme', 'k', store)).toBeNull();
    store.items.set('accord.layout.acme', JSON.stringify({ key: 'k', positions: [['a', 'x', 1]] }));
    expect(cachedLayout('acme', 'k', store)).toBeNull();
    const full: LayoutStore = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => cacheLayout('acme', 'k', new Map([['a', { x: 1, y: 1 }]]), full)).not.toThrow();
  });
});
