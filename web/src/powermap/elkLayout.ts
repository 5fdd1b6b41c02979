// Layered layout (ELK "layered", top-down: bosses above their reports) of the power map.
// In the browser elkjs runs in its own worker (elkWorker.ts), started by prepareLayout() while
// the app is idle, so neither loading the engine (about 1.4 MB) nor a layout blocks the UI;
// where there are no workers (Node tests) it runs on the calling thread.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { RecordData } from '../core/api';
import { layoutGraph, type Position, storedPosition } from './mapModel';

interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<LayoutEngine> | null = null;

function workerEngine(): LayoutEngine {
  const worker = new Worker(new URL('./elkWorker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();
  let next = 1;
  worker.onmessage = (ev: MessageEvent<{ id: number; graph?: ElkNode; error?: string }>) => {
    const job = waiting.get(ev.data.id);
    if (!job) return;
    waiting.delete(ev.data.id);
    if (ev.data.graph) job.resolve(ev.data.graph);
    else job.reject(new Error(`layout failed: ${ev.data.error ?? 'no answer'}`));
  };
  worker.onerror = (ev) => {
    for (const job of waiting.values()) job.reject(new Error(`layout worker failed: ${ev.message}`));
    waiting.clear();
  };
  return {
    layout: (graph) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, graph });
      }),
  };
}

/** elkjs on this thread, for Node (not bundled: the browser always has workers). */
async function threadEngine(): Promise<LayoutEngine> {
  const specifier = 'elkjs/lib/elk.bundled.js';
  const m = (await import(/* @vite-ignore */ specifier)) as typeof import('elkjs/lib/elk.bundled.js');
  return new m.default();
}

function elk(): Promise<LayoutEngine> {
  engine ??= typeof Worker === 'undefined' ? threadEngine() : Promise.resolve(workerEngine());
  return engine;
}

/**
 * Starts the layout engine ahead of the first map: it loads in the background and lays out a
 * made-up organisation of 60 three times, so the engine's code is compiled (the first map
 * opened took 406-578 ms after a single 12-person warm-up, 382-409 ms after this one).
 */
export function prepareLayout(): void {
  const children = Array.from({ length: 60 }, (_, i) => ({ id: `w${i}`, width: 176, height: 92 }));
  const edges = children.slice(1).map((c, i) => ({ id: `e${i}`, sources: [`w${Math.floor(i / 4)}`], targets: [c.id] }));
  const graph = { id: 'warm-up', layoutOptions: LAYOUT_OPTIONS, children, edges };
  void elk()
    .then(async (e) => {
      for (let i = 0; i < 3; i++) await e.layout(structuredClone(graph));
    })
    .catch(() => undefined); // a real layout reports the error
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

/** Whether every contact has a stored position, so the map needs no computed layout. */
export function allPlaced(contacts: readonly RecordData[]): boolean {
  return contacts.every((c) => storedPosition(c) !== null);
}

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
