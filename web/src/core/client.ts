/**
 * The UI's AccordClient (api.ts) over the core's worker (../worker/main.ts): every method is a
 * message to the worker and a promise of its reply; notices from the worker feed the
 * subscriptions. The session (token included) is kept in localStorage so that a reload, also
 * offline, resumes it; the device id too.
 */
import type {
  AccordClient,
  AccordErrorInfo,
  ChangeEvent,
  ErrorCode,
  Peer,
  PresenceState,
  Session,
  Status,
  Unsubscribe,
} from './api.js';
import type { FromWorker, SavedSession, ToWorker } from '../worker/protocol.js';

/** A rejected call: the core's code, the field and record when known, and its message. */
export class AccordClientError extends Error implements AccordErrorInfo {
  code: ErrorCode;
  field?: string;
  record?: string;
  constructor(info: AccordErrorInfo) {
    super(info.message);
    this.name = 'AccordClientError';
    this.code = info.code;
    if (info.field !== undefined) this.field = info.field;
    if (info.record !== undefined) this.record = info.record;
  }
}

/** The part of Worker used here (a MessagePort-like object works too, e.g. in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
}

/** Where the page learns that the network comes and goes (window; absent in tests). */
export interface NetworkLike {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
}

/** The part of Storage used here. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const SESSION_KEY = 'accord.session';
const DEVICE_KEY = 'accord.device';

function randomId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function readSession(storage: StorageLike): SavedSession | null {
  try {
    const text = storage.getItem(SESSION_KEY);
    return text ? (JSON.parse(text) as SavedSession) : null;
  } catch {
    return null;
  }
}

function browserNetwork(): NetworkLike | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  return {
    get onLine() {
      return navigator.onLine;
    },
    addEventListener: (type, listener) => window.addEventListener(type, listener),
  };
}

/**
 * Starts the worker (or uses `worker`) and returns the client. `storage` defaults to
 * localStorage; `network` to the window's online/offline events (navigator.onLine), which are
 * passed on to the worker so that it reconnects as soon as the page is online again.
 */
export function createClient(
  options: { worker?: WorkerLike; storage?: StorageLike; network?: NetworkLike | null } = {},
): AccordClient {
  const worker: WorkerLike =
    options.worker ??
    (new Worker(new URL('../worker/main.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike);
  const storage = options.storage ?? globalThis.localStorage;
  let device = storage.getItem(DEVICE_KEY);
  if (!device) {
    device = randomId();
    storage.setItem(DEVICE_KEY, device);
  }

  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const changeListeners = new Set<(e: ChangeEvent) => void>();
  const statusListeners = new Set<(s: Status) => void>();
  const presenceListeners = new Set<(p: Peer[]) => void>();
  let lastStatus: Status | null = null;
  let lastPeers: Peer[] = [];

  worker.onmessage = (ev) => {
    const message = ev.data;
    switch (message.type) {
      case 'reply': {
        const waiter = pending.get(message.id);
        if (!waiter) return;
        pending.delete(message.id);
        if (message.ok) waiter.resolve(message.value);
        else waiter.reject(new AccordClientError(message.error));
        return;
      }
      case 'change':
        for (const cb of changeListeners) cb(message.event);
        return;
      case 'status':
        lastStatus = message.status;
        for (const cb of statusListeners) cb(message.status);
        return;
      case 'presence':
        lastPeers = message.peers;
        for (const cb of presenceListeners) cb(message.peers);
        return;
      case 'session':
        if (message.session) storage.setItem(SESSION_KEY, JSON.stringify(message.session));
        else storage.removeItem(SESSION_KEY);
        return;
    }
  };
  worker.postMessage({ type: 'init', device, session: readSession(storage) });
  const network = options.network === undefined ? browserNetwork() : options.network;
  if (network) {
    const changed = () => worker.postMessage({ type: 'network', online: network.onLine });
    network.addEventListener('online', changed);
    network.addEventListener('offline', changed);
  }

  function call<T>(method: string, ...args: unknown[]): Promise<T> {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ type: 'call', id, method, args });
    });
  }

  const subscribe = <T>(set: Set<(v: T) => void>, cb: (v: T) => void): Unsubscribe => {
    set.add(cb);
    return () => {
      set.delete(cb);
    };
  };

  return {
    signIn: (serverUrl, user, password) => call<Session>('signIn', serverUrl, user, password),
    signOut: () => call<void>('signOut'),
    session: () => call<Session | null>('session'),
    schema: () => call('schema'),
    list: (collection, scope, opts) => call('list', collection, scope, opts),
    get: (collection, id, scope) => call('get', collection, id, scope),
    create: (collection, scope, fields) => call('create', collection, scope, fields),
    update: (collection, id, scope, fields) => call('update', collection, id, scope, fields),
    remove: (collection, id, scope) => call('remove', collection, id, scope),
    editText: (collection, id, scope, field, index, deleteCount, insert) =>
      call('editText', collection, id, scope, field, index, deleteCount, insert),
    history: (collection, id, scope) => call('history', collection, id, scope),
    reviewVisit: (account, visitId, comment) => call('reviewVisit', account, visitId, comment),
    exportDocument: (scope, opts) => call('exportDocument', scope, opts),
    importDocument: (scope, data) => call('importDocument', scope, data),
    powerMapHealth: (account) => call('powerMapHealth', account),
    followUps: () => call('followUps'),
    digest: () => call('digest'),
    funnel: (period) => call('funnel', period),
    tiering: () => call('tiering'),
    onChange: (cb) => subscribe(changeListeners, cb),
    onStatus: (cb) => {
      if (lastStatus) cb(lastStatus);
      return subscribe(statusListeners, cb);
    },
    setPresence: (state: PresenceState) => worker.postMessage({ type: 'presence', state }),
    onPresence: (cb) => {
      cb(lastPeers);
      return subscribe(presenceListeners, cb);
    },
  };
}
