/**
 * The power map's layout worker: runs elkjs (about 1.4 MB of JavaScript, its engine compiled
 * from Java) off the UI thread. Loaded early (elkLayout.ts prepareLayout) so the engine is
 * parsed before the first map opens.
 *
 * Protocol: the page posts `{ id, graph }` (an ELK graph); the worker answers `{ id, graph }`
 * with positions, or `{ id, error }` with the engine's message.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';

const engine = new ELK();
const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<{ id: number; graph: ElkNode }>) => void) | null;
  postMessage(message: { id: number; graph?: ElkNode; error?: string }): void;
};

// Assigned after the import: inside a worker, elkjs installs its own message handler on load.
scope.onmessage = (ev) => {
  const { id, graph } = ev.data;
  engine.layout(graph).then(
    (laidOut) => scope.postMessage({ id, graph: laidOut }),
    (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
  );
};
