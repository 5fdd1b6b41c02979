// The power map's visual vocabulary and its mapping from records to graph nodes and edges.
// Pure functions (no React, no layout engine): unit-tested in test/mapModel.test.ts.
import type { RecordData } from '../core/api';

export type LinkKind = 'reports_to' | 'ally' | 'rival' | 'kinship' | 'faction';

export interface Size {
  width: number;
  height: number;
}

/** Card size grows with influence (影响力), so the weighty people stand out. */
export function cardSize(influence: unknown): Size {
  switch (influence) {
    case 'high':
      return { width: 224, height: 112 };
    case 'medium':
      return { width: 196, height: 100 };
    default:
      return { width: 176, height: 92 };
  }
}

/** Stance colour: green for us, grey neutral, red against, a dashed outline when unknown. */
export function stanceColor(stance: unknown): { border: string; fill: string } {
  switch (stance) {
    case 'champion':
      return { border: '#1b7f3b', fill: '#dff3e4' };
    case 'supporter':
      return { border: '#4c9a5f', fill: '#eef8f0' };
    case 'neutral':
      return { border: '#6b7280', fill: '#f3f4f6' };
    case 'skeptic':
      return { border: '#c27c0e', fill: '#fdf3e1' };
    case 'opponent':
      return { border: '#b42318', fill: '#fdecea' };
    default:
      return { border: '#9ca3af', fill: '#ffffff' };
  }
}

export interface EdgeLook {
  stroke: string;
  strokeWidth: number;
  dash?: string;
  arrow: boolean;
  animated: boolean;
}

/** Each kind of link is drawn distinctly (line, colour, dash, arrow). */
export function linkLook(kind: unknown): EdgeLook {
  switch (kind) {
    case 'reports_to':
      return { stroke: '#374151', strokeWidth: 2, arrow: true, animated: false };
    case 'ally':
      return { stroke: '#1b7f3b', strokeWidth: 2, dash: '8 4', arrow: false, animated: false };
    case 'rival':
      return { stroke: '#b42318', strokeWidth: 3, dash: '2 4', arrow: false, animated: false };
    case 'kinship':
      return { stroke: '#7c3aed', strokeWidth: 2, dash: '12 4 2 4', arrow: false, animated: false };
    case 'faction':
      return { stroke: '#c27c0e', strokeWidth: 2, dash: '4 4', arrow: false, animated: false };
    default:
      return { stroke: '#9ca3af', strokeWidth: 1, arrow: false, animated: false };
  }
}

export interface Position {
  x: number;
  y: number;
}

/** The stored position of a contact, when both coordinates are set. */
export function storedPosition(contact: RecordData): Position | null {
  const { x, y } = contact;
  return typeof x === 'number' && typeof y === 'number' ? { x, y } : null;
}

/** Live links whose two ends are live contacts (others cannot be drawn). */
export function drawableLinks(contacts: readonly RecordData[], links: readonly RecordData[]): RecordData[] {
  const ids = new Set(contacts.map((c) => c.id));
  return links.filter(
    (l) => typeof l.from === 'string' && typeof l.to === 'string' && ids.has(l.from) && ids.has(l.to) && l.from !== l.to,
  );
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
}

/**
 * The layered-layout input: every contact a node sized by influence; one edge per reporting
 * line, from the boss (`to`) down to the subordinate (`from`). Other links do not rank people.
 */
export function layoutGraph(contacts: readonly RecordData[], links: readonly RecordData[]) {
  const nodes = contacts.map((c) => ({ id: c.id, ...cardSize(c.influence) }));
  const edges: LayoutEdge[] = drawableLinks(contacts, links)
    .filter((l) => l.kind === 'reports_to')
    .map((l) => ({ id: l.id, source: l.to as string, target: l.from as string }));
  return { nodes, edges };
}

/**
 * Where each contact goes: its stored position when it has one, else the computed one, else a
 * fallback grid slot (so a card is never stacked on another before the layout answers).
 */
export function placeContacts(
  contacts: readonly RecordData[],
  computed: ReadonlyMap<string, Position>,
): Map<string, Position> {
  const out = new Map<string, Position>();
  contacts.forEach((c, i) => {
    const stored = storedPosition(c);
    out.set(c.id, stored ?? computed.get(c.id) ?? { x: (i % 5) * 240, y: Math.floor(i / 5) * 140 });
  });
  return out;
}

/**
 * What a computed layout depends on: whether every contact has a stored position (then none is
 * needed), the people and their card sizes, and the reporting lines. Field edits, stances and
 * other links leave it unchanged, so they never trigger a new layout.
 */
export function layoutKeyOf(contacts: readonly RecordData[], links: readonly RecordData[]): string {
  const placed = contacts.every((c) => storedPosition(c) !== null);
  const people = contacts.map((c) => `${c.id}:${typeof c.influence === 'string' ? c.influence : ''}`).join(',');
  const lines = links
    .filter((l) => l.kind === 'reports_to')
    .map((l) => `${String(l.from)}>${String(l.to)}`)
    .join(',');
  return `${placed}|${people}|${lines}`;
}

/** Role codes of a contact in the vocabulary's order. */
export function rolesOf(contact: RecordData, order: readonly string[]): string[] {
  const roles = Array.isArray(contact.buying_roles) ? contact.buying_roles : [];
  return [...roles].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * Colours of other editors' presence: distinct from the stance colours and from the amber of
 * this user's own selection, dark enough for white text.
 */
export const PEER_COLORS = ['#2563eb', '#9333ea', '#0d9488', '#db2777', '#4338ca', '#0e7490', '#7c2d12', '#4d7c0f'];

/** A user's presence colour: the same on every device (a hash of the user name). */
export function peerColor(user: string): string {
  let hash = 0;
  for (const ch of user) hash = (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PEER_COLORS[hash % PEER_COLORS.length] as string;
}
