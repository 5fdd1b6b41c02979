import { describe, expect, it } from 'vitest';
import { createClient, type NetworkLike, type StorageLike, type WorkerLike } from '../src/core/client';
import type { ToWorker } from '../src/worker/protocol';

function memoryStorage(): StorageLike {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

/** A network whose online/offline events the test fires. */
function fakeNetwork() {
  const listeners = new Map<string, (() => void)[]>();
  const network = {
    onLine: false,
    addEventListener(type: 'online' | 'offline', listener: () => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    fire(type: 'online' | 'offline') {
      network.onLine = type === 'online';
      for (const l of listeners.get(type) ?? []) l();
    },
  };
  return network satisfies NetworkLike;
}

describe('client', () => {
  it("passes the page's online and offline events on to the worker", () => {
    const sent: ToWorker[] = [];
    const worker: WorkerLike = { postMessage: (m) => void sent.push(m), onmessage: null };
    const network = fakeNetwork();
    createClient({ worker, storage: memoryStorage(), network });
    expect(sent.map((m) => m.type)).toEqual(['init']);
    network.fire('online');
    network.fire('offline');
    expect(sent.slice(1)).toEqual([
      { type: 'network', online: true },
      { type: 'network', online: false },
    ]);
  });
});
