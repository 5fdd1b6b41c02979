import { describe, expect, it } from 'vitest';
import { accountRows, searchRows, sortRows } from '../src/logic/accountRows';
import { fold, matches, queryWords } from '../src/logic/search';
import { coreSchema } from './coreSchema';

const schema = coreSchema();

describe('search', () => {
  it('folds width, case and accents', () => {
    expect(fold('ＡＢＣ１２３')).toBe('abc123');
    expect(fold('Zürich')).toBe('zurich');
    expect(fold('  华东电力  ')).toBe('华东电力');
  });
  it('splits on ASCII and Chinese separators', () => {
    expect(queryWords('华东，电力 A')).toEqual(['华东', '电力', 'a']);
  });
  it('needs every word to match somewhere', () => {
    expect(matches('华东 电力', ['华东电力集团有限公司'])).toBe(true);
    expect(matches('华东 水泥', ['华东电力集团有限公司'])).toBe(false);
    expect(matches('', ['x'])).toBe(true);
  });
});

describe('account rows', () => {
  const entries = [
    { id: '1', name: '华东电力集团有限公司', tier: 'a', classification: 'key' },
    { id: '2', name: 'Nordic Pumps AB', tier: 'c', classification: 'prospect' },
    { id: '3', name: '上海建材', tier: 'b' },
  ];
  const stages = new Map([['1', 'stable_cooperation'], ['2', undefined], ['3', 'gestation']]);
  const followUps = {
    accounts: [
      { accountId: '2', name: '', owner: 'u', cadenceDays: 90, due: '2026-01-01', daysOverdue: 12, state: 'overdue' as const },
      { accountId: '1', name: '', owner: 'u', cadenceDays: 14, lastTouch: '2026-11-20', due: '2026-12-04', daysOverdue: 0, state: 'ok' as const },
    ],
    nextSteps: [],
    perRep: [],
    team: { rep: '', due: 0, overdue: 0, nextStepsOverdue: 0 },
  };
  const rows = sortRows(accountRows(entries, stages, followUps));
  it('joins follow-ups and stage, overdue first then tier', () => {
    expect(rows.map((r) => r.id)).toEqual(['2', '1', '3']);
    expect(rows[0]).toMatchObject({ followUp: 'overdue', daysOverdue: 12 });
    expect(rows[1]).toMatchObject({ lastTouch: '2026-11-20', stage: 'stable_cooperation' });
    expect(rows[2]).toMatchObject({ followUp: 'none' });
  });
  it('finds accounts by Chinese name, Chinese or English labels', () => {
    expect(searchRows(rows, '电力', schema).map((r) => r.id)).toEqual(['1']);
    expect(searchRows(rows, '重点客户', schema).map((r) => r.id)).toEqual(['1']);
    expect(searchRows(rows, 'B类', schema).map((r) => r.id)).toEqual(['3']);
    expect(searchRows(rows, '孕育', schema).map((r) => r.id)).toEqual(['3']);
    expect(searchRows(rows, 'pumps prospect', schema).map((r) => r.id)).toEqual(['2']);
    expect(searchRows(rows, 'nothing-like-this', schema)).toEqual([]);
  });
});
