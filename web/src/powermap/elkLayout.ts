// Layered layout (ELK "layered", top-down: bosses above their reports) of the power map.
// elkjs (about 1.4 MB of JavaScript) is loaded on first use, so it does not delay the app
// shell; it runs its bundled engine on the calling thread.
import type { ELK } from 'elkjs/lib/elk-api';
import type { RecordData } from '../core/api';
import { layoutGraph, type Position } from './mapModel';

let engine: Promise<ELK> | null = null;
function elk(): Promise<ELK> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  return engine;
}

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '64',
  'elk.spacing.nodeNode': '32',
  'elk.spacing.componentComponent': '48',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.separateConnectedComponents': 'true',
};

/** Computes a position for every contact (top-left corner, as @xyflow/react places nodes). */
export async function layeredPositions(
  contacts: readonly RecordData[],
  links: readonly RecordData[],
): Promise<Map<string, Position>> {
  const graph = layoutGraph(contacts, links);
  const result = await (await elk()).layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes,
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out = new Map<string, Position>();
  for (const child of result.children ?? []) out.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return out;
}
