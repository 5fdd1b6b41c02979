// Helpers of the wasm tests: a core whose calls are recorded (to check that every binding is
// called), a login against the test server, a transport host over `ws` for raw sessions, and
// waiting on a condition re-checked on events, with a bounded timeout (no sleeps).
import WebSocket from 'ws';
import { createCore } from '../../../wasm/js/accord.mjs';

export const called = new Set();

/** createCore with every binding call recorded in `called`. */
export async function recordedCore(options) {
  const core = await createCore(options);
  return new Proxy(core, {
    get(target, name) {
      const value = target[name];
      if (typeof value !== 'function') return value;
      return (...args) => {
        called.add(name);
        return value(...args);
      };
    },
  });
}

export async function login(url, user, password) {
  const response = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user, password }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`login ${user}: ${JSON.stringify(body)}`);
  return body;
}

/** Resolves when (await) check() is true, re-checked every 20 ms; fails after timeoutMs. */
export async function waitFor(check, what, timeoutMs = 15000) {
  const started = Date.now();
  for (;;) {
    let ok = false;
    try {
      ok = await check();
    } catch {
      ok = false;
    }
    if (ok) return;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A SessionHost over a `ws` WebSocket, for sessions driven straight through the bindings. */
export function wsHost(core, url) {
  let socket = null;
  let generation = 0; // a close reported late must not hit a newer connection
  const timers = new Map();
  const host = {
    session: 0,
    synced: [],
    acknowledged: [],
    open() {
      generation++;
      const ws = new WebSocket(url);
      ws.binaryType = 'arraybuffer';
      socket = ws;
      ws.on('open', () => socket === ws && core.sessionOnOpen(host.session));
      ws.on('message', (data) => {
        if (socket !== ws) return;
        try {
          core.sessionOnMessage(host.session, new Uint8Array(data));
        } catch {
          // the session closes the connection itself
        }
      });
      ws.on('close', (code, reason) => {
        if (socket !== ws) return;
        socket = null;
        core.sessionOnClosed(host.session, code, reason.toString());
      });
      ws.on('error', () => {});
    },
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(message);
    },
    close() {
      const ws = socket;
      socket = null;
      ws?.close();
      const opened = generation;
      queueMicrotask(() => opened === generation && host.session && core.sessionOnClosed(host.session, 1000, ''));
    },
    now: () => performance.now(),
    schedule(delay, id) {
      timers.set(id, setTimeout(() => host.session && core.sessionFire(host.session, id), delay));
    },
    cancel(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
    },
    synced(name) {
      host.synced.push(name);
    },
    acknowledged(name) {
      host.acknowledged.push(name);
    },
    /** Cuts the connection as a network failure would (no close handshake). */
    drop() {
      socket?.terminate();
    },
    dispose() {
      for (const t of timers.values()) clearTimeout(t);
      const ws = socket;
      socket = null;
      host.session = 0;
      ws?.close();
    },
  };
  return host;
}
