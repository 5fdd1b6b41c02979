// Data shaping for the team dashboard: the coverage heat map grid and funnel bar widths.
import type { Funnel, Tiering } from '../core/api';

export interface HeatCell {
  attractiveness: string;
  relationship: string;
  count: number;
  revenue: number;
}

/** Counts placed accounts per (attractiveness, relationship) cell, in the vocabularies' order. */
export function coverageGrid(tiering: Tiering, grades: readonly string[], strengths: readonly string[]): HeatCell[][] {
  return grades.map((g) =>
    strengths.map((s) => {
      const here = tiering.placed.filter((p) => p.attractiveness === g && p.relationship === s);
      return { attractiveness: g, relationship: s, count: here.length, revenue: here.reduce((n, p) => n + p.revenue, 0) };
    }),
  );
}

/** 0..1 intensity of a cell relative to the fullest one. */
export function heat(count: number, max: number): number {
  return max <= 0 ? 0 : count / max;
}

/** Funnel bars: the number at the end of the period per stage, as a share of the widest. */
export function funnelBars(funnel: Funnel): { stage: string; count: number; share: number }[] {
  const max = Math.max(0, ...funnel.stages.map((s) => s.atEnd));
  return funnel.stages.map((s) => ({ stage: s.stage, count: s.atEnd, share: max === 0 ? 0 : s.atEnd / max }));
}

/** The last `days` days as a Period ending tomorrow (UTC), so today counts. */
export function lastDays(now: Date, days: number): { from: string; to: string } {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const from = new Date(to.getTime() - days * 86_400_000);
  return { from: day(from), to: day(to) };
}
