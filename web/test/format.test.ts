import { describe, expect, it } from 'vitest';
import { fromDraft, toDraft } from '../src/components/FieldInput';
import { coverageGrid, funnelBars, heat, lastDays } from '../src/logic/dashboard';
import { formatDay, formatPercent, formatRelative, toIsoWithOffset } from '../src/logic/format';
import { fieldSchema } from '../src/logic/labels';
import { coreSchema } from './coreSchema';

const schema = coreSchema();

describe('formatting', () => {
  it('shows calendar days without shifting them across time zones', () => {
    expect(formatDay('2026-11-23', 'en')).toBe('23 Nov 2026');
    expect(formatDay('2026-11-23', 'zh')).toBe('2026年11月23日');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });
  it('says how long ago, in both languages', () => {
    const now = Date.UTC(2026, 10, 23, 12);
    expect(formatRelative(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(now - 5 * 60_000, now, 'zh')).toBe('5分钟前');
    expect(formatRelative(now - 2 * 86_400_000, now, 'en')).toBe('2 days ago');
  });
  it('writes date-times with the local offset the core accepts', () => {
    expect(toIsoWithOffset(new Date(2026, 10, 23, 9, 5, 7))).toMatch(/^2026-11-23T09:05:07[+-]\d{2}:\d{2}$/);
    expect(formatPercent(0.8, 'en')).toBe('80%');
  });
  it('converts field inputs to stored values and back', () => {
    const hidden = fieldSchema(schema, 'contacts', 'hidden_rank')!;
    expect(fromDraft(hidden, '3')).toBe(3);
    expect(fromDraft(hidden, '  ')).toBeNull();
    expect(toDraft(hidden, 3)).toBe('3');
    const at = fieldSchema(schema, 'visits', 'at')!;
    const stored = fromDraft(at, '2026-11-23T09:30') as string;
    expect(new Date(stored).getTime()).toBe(new Date(2026, 10, 23, 9, 30).getTime());
    expect(toDraft(at, stored)).toBe('2026-11-23T09:30');
    expect(fromDraft(fieldSchema(schema, 'contacts', 'name')!, '王总')).toBe('王总');
  });
});

describe('dashboard shaping', () => {
  it('counts accounts per coverage cell', () => {
    const placed = [
      { accountId: '1', name: '', attractiveness: 'high', relationship: 'good', strategy: '', revenue: 10 },
      { accountId: '2', name: '', attractiveness: 'high', relationship: 'good', strategy: '', revenue: 5 },
      { accountId: '3', name: '', attractiveness: 'low', relationship: 'declining', strategy: '', revenue: 1 },
    ];
    const tiering = { placed, unplaced: [], totalRevenue: 16, accountsWithRevenue: 3, topAccounts: [], topAccountShare: 0, topRevenueShare: 0 };
    const grades = schema.enums.grade!.values.map((v) => v.code);
    const strengths = schema.enums.relationship_strength!.values.map((v) => v.code);
    const grid = coverageGrid(tiering, grades, strengths);
    expect(grid.length).toBe(grades.length);
    expect(grid[grades.indexOf('high')]![strengths.indexOf('good')]).toMatchObject({ count: 2, revenue: 15 });
    expect(grid.flat().reduce((n, c) => n + c.count, 0)).toBe(3);
    expect(heat(1, 2)).toBe(0.5);
    expect(heat(0, 0)).toBe(0);
  });
  it('scales funnel bars to the widest stage', () => {
    const stages = [
      { stage: 'prospect', atStart: 0, entered: 0, atEnd: 8 },
      { stage: 'key', atStart: 0, entered: 0, atEnd: 2 },
    ];
    const bars = funnelBars({ stages } as never);
    expect(bars.map((b) => b.share)).toEqual([1, 0.25]);
  });
  it('makes a period of the last days including today', () => {
    expect(lastDays(new Date(Date.UTC(2026, 10, 23, 15)), 365)).toEqual({ from: '2025-11-24', to: '2026-11-24' });
  });
});
