// The accounts list's rows: the team index's entries joined with each account's stage and the
// follow-up report (last visit, overdue), filtered by a search in either language and sorted
// overdue first, then by tier, then by name.
import type { FollowUps, RecordData, Schema } from '../core/api';
import { enumLabels } from './labels';
import { matches } from './search';

export interface AccountRow {
  id: string;
  name: string;
  tier?: string;
  classification?: string;
  stage?: string;
  lastTouch?: string;
  daysOverdue: number;
  followUp: 'ok' | 'due' | 'overdue' | 'none';
}

export function accountRows(
  entries: readonly RecordData[],
  stages: ReadonlyMap<string, string | undefined>,
  followUps: FollowUps | null,
): AccountRow[] {
  const byId = new Map((followUps?.accounts ?? []).map((a) => [a.accountId, a]));
  return entries.map((e) => {
    const f = byId.get(e.id);
    return {
      id: e.id,
      name: typeof e.name === 'string' ? e.name : '',
      tier: typeof e.tier === 'string' ? e.tier : undefined,
      classification: typeof e.classification === 'string' ? e.classification : undefined,
      stage: stages.get(e.id),
      lastTouch: f?.lastTouch,
      daysOverdue: f?.daysOverdue ?? 0,
      followUp: f?.state ?? 'none',
    };
  });
}

const TIER_ORDER = ['a', 'b', 'c'];
const FOLLOW_ORDER = ['overdue', 'due', 'ok', 'none'];

export function sortRows(rows: AccountRow[]): AccountRow[] {
  return [...rows].sort(
    (a, b) =>
      FOLLOW_ORDER.indexOf(a.followUp) - FOLLOW_ORDER.indexOf(b.followUp) ||
      (a.followUp === 'overdue' ? b.daysOverdue - a.daysOverdue : 0) ||
      rank(TIER_ORDER, a.tier) - rank(TIER_ORDER, b.tier) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

function rank(order: string[], code: string | undefined) {
  const i = code ? order.indexOf(code) : -1;
  return i < 0 ? order.length : i;
}

/** Rows whose name or any label (English or Chinese) of tier, classification, stage match. */
export function searchRows(rows: readonly AccountRow[], query: string, schema: Schema): AccountRow[] {
  return rows.filter((r) =>
    matches(query, [
      r.name,
      ...(r.tier ? enumLabels(schema, 'tier', r.tier) : []),
      ...(r.classification ? enumLabels(schema, 'classification', r.classification) : []),
      ...(r.stage ? enumLabels(schema, 'development_stage', r.stage) : []),
    ]),
  );
}
