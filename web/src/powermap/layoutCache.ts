// The last computed layout of each account's power map, kept in the page's storage so that
// opening a map again (also after a reload, also offline) needs no ELK run: valid while the
// people, their influence (card sizes) and the reporting lines are the same (`key`). Positions
// a user arranges are stored in the document itself (the contacts' x/y), not here.
import type { Position } from './mapModel';

/** The part of Storage used here (localStorage in the browser). */
export interface LayoutStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = 'accord.layout.';

function browserStore(): LayoutStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (some private modes)
  }
}

/** The cached positions of `account`'s map for layout `key`, or null. */
export function cachedLayout(
  account: string,
  key: string,
  store: LayoutStore | null = browserStore(),
): Map<string, Position> | null {
  const text = store?.getItem(PREFIX + account);
  if (!text) return null;
  try {
    const entry = JSON.parse(text) as { key?: unknown; positions?: unknown };
    if (entry.key !== key || !Array.isArray(entry.positions)) return null;
    const out = new Map<string, Position>();
    for (const item of entry.positions as unknown[]) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || typeof item[1] !== 'number' || typeof item[2] !== 'number') {
        return null;
      }
      out.set(item[0], { x: item[1], y: item[2] });
    }
    return out;
  } catch {
    return null; // not ours or damaged: computed again
  }
}

/** Keeps `positions` as `account`'s layout for `key` (a full storage just keeps nothing). */
export function cacheLayout(
  account: string,
  key: string,
  positions: ReadonlyMap<string, Position>,
  store: LayoutStore | null = browserStore(),
): void {
  const list = [...positions].map(([id, p]) => [id, Math.round(p.x), Math.round(p.y)]);
  try {
    store?.setItem(PREFIX + account, JSON.stringify({ key, positions: list }));
  } catch {
    // Quota exceeded: the layout is computed again next time.
  }
}
