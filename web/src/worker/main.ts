/**
 * The core's dedicated worker: loads the WebAssembly module, opens the local store and serves
 * the UI's calls (protocol.ts) with a Workspace.
 *
 * Storage: SQLite in the origin-private file system through FileSystemSyncAccessHandle (the
 * module's VFS, wasm/js/files.mjs), so each edit is on disk before its call resolves. One tab
 * owns the store: the worker holds the Web Lock "accord-store" while it lives; a second tab
 * reports the state 'other-tab' (its calls reject with 'locked') and takes over when the
 * owner closes. Without OPFS (old browsers, private windows) the store is in memory and the
 * status says so (storage: 'memory'). navigator.storage.persist() exists only in windows: the
 * page requests it (web/src/main.tsx); the status reports navigator.storage.persisted().
 */
import { createCore } from '../../../wasm/js/accord.mjs';
import { memoryFiles, opfsFiles } from '../../../wasm/js/files.mjs';
import type { AccordFiles } from '../../../wasm/js/accord.mjs';
import type { Status } from '../core/api.js';
import type { SocketLike } from './connection.js';
import type { FromWorker, Init, ToWorker } from './protocol.js';
import { errorInfo, Workspace, WorkspaceError } from './workspace.js';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((ev: MessageEvent<ToWorker>) => void) | null;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
};

const STORE_FILES = ['accord.db', 'accord.db-wal', 'accord.db-journal'];
/** The module's .wasm (a static asset reference: Vite copies it; unbundled it is fetched). */
const WASM_URL = new URL('../../../build/wasm/wasm/accord-core.wasm', import.meta.url).href;

let workspace: Workspace | null = null;
let ready: Promise<void> | null = null;
let locked = false;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

function lockedStatus(): Status {
  return {
    online: navigator.onLine,
    pendingChanges: 0,
    lastSyncedAt: null,
    state: 'other-tab',
    persisted: false,
    storage: 'memory',
    detail: 'Accord is open in another tab of this browser; close it to use Accord here',
  };
}

/** Resolves once this worker holds the store's lock (reports 'other-tab' while waiting). */
function acquireStoreLock(): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return Promise.resolve();
  return new Promise((resolve) => {
    const hold = () => {
      resolve();
      locked = false;
      return new Promise<void>(() => {}); // held until the worker ends
    };
    void locks.request('accord-store', { ifAvailable: true }, (lock) => {
      if (lock) return hold();
      locked = true;
      post({ type: 'status', status: lockedStatus() });
      void locks.request('accord-store', () => hold());
      return undefined;
    });
  });
}

/**
 * The store's files in OPFS. After a reload the previous page's worker may still be closing
 * its access handles (NoModificationAllowedError): retried for up to 5 s before giving up.
 */
async function openFiles(): Promise<{ files: AccordFiles; storage: Status['storage'] }> {
  let directory: FileSystemDirectoryHandle;
  try {
    directory = await navigator.storage.getDirectory();
  } catch {
    return { files: memoryFiles(), storage: 'memory' };
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return { files: await opfsFiles(directory, STORE_FILES), storage: 'opfs' };
    } catch (e) {
      const busy = e instanceof DOMException && e.name === 'NoModificationAllowedError';
      if (!busy || attempt >= 50) return { files: memoryFiles(), storage: 'memory' };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function start(init: Init): Promise<void> {
  await acquireStoreLock();
  const { files, storage } = await openFiles();
  const core = await createCore({ files, locateFile: () => WASM_URL });
  const store = core.storeOpen('/accord.db');
  workspace = new Workspace({
    core,
    store,
    storage,
    device: init.device,
    makeSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    fetch: (url, options) => fetch(url, options),
    online: () => navigator.onLine,
    persisted: () => navigator.storage.persisted(),
    notify: post,
  });
  const ws = workspace;
  scope.addEventListener('online', () => ws.networkChanged());
  scope.addEventListener('offline', () => ws.networkChanged());
  if (init.session) await ws.resume(init.session);
  else post({ type: 'status', status: ws.status() });
}

type Method = (...args: never[]) => unknown;

function method(ws: Workspace, name: string): Method {
  const table: Record<string, Method> = {
    signIn: ws.signIn.bind(ws),
    signOut: ws.signOut.bind(ws),
    session: ws.sessionInfo.bind(ws),
    schema: ws.schema.bind(ws),
    list: ws.list.bind(ws),
    get: ws.get.bind(ws),
    create: ws.create.bind(ws),
    update: ws.update.bind(ws),
    remove: ws.remove.bind(ws),
    editText: ws.editText.bind(ws),
    history: ws.history.bind(ws),
    reviewVisit: ws.reviewVisit.bind(ws),
    exportDocument: ws.exportDocument.bind(ws),
    importDocument: ws.importDocument.bind(ws),
    powerMapHealth: ws.powerMapHealth.bind(ws),
    followUps: ws.followUps.bind(ws),
    digest: ws.digest.bind(ws),
    funnel: ws.funnel.bind(ws),
    tiering: ws.tiering.bind(ws),
    status: ws.status.bind(ws),
    peers: ws.peers.bind(ws),
  };
  const fn = table[name];
  if (!fn) throw new WorkspaceError({ code: 'invalid_argument', message: `no method ${name}` });
  return fn;
}

async function call(name: string, args: unknown[]): Promise<unknown> {
  if (locked) {
    throw new WorkspaceError({ code: 'locked', message: lockedStatus().detail });
  }
  if (!ready) throw new WorkspaceError({ code: 'failed_precondition', message: 'worker not initialised' });
  await ready;
  if (!workspace) throw new WorkspaceError({ code: 'internal', message: 'the core did not start' });
  return (method(workspace, name) as (...a: unknown[]) => unknown)(...args);
}

scope.onmessage = (ev) => {
  const message = ev.data;
  if (message.type === 'init') {
    ready ??= start(message).catch((e: unknown) => {
      post({ type: 'status', status: { ...lockedStatus(), state: 'offline', detail: errorInfo(e).message } });
    });
    return;
  }
  if (message.type === 'presence') {
    workspace?.setPresence(message.state);
    return;
  }
  if (message.type === 'network') {
    workspace?.networkChanged(message.online);
    return;
  }
  call(message.method, message.args).then(
    (value) => post({ type: 'reply', id: message.id, ok: true, value }),
    (e: unknown) => post({ type: 'reply', id: message.id, ok: false, error: errorInfo(e) }),
  );
};
