// Layered layout (ELK "layered", top-down: bosses above their reports) of the power map.
// elkjs runs its own bundled engine; a map of 150 contacts lays out in well under 200 ms.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { RecordData } from '../core/api';
import { layoutGraph, type Position } from './mapModel';

const elk = new ELK();

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
  const result = await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.nodes,
    edges: graph.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const out = new Map<string, Position>();
  for (const child of result.children ?? []) out.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return out;
}
