/**
 * Messages between the UI (web/src/core/client.ts) and the core's worker (main.ts).
 *
 * UI -> worker: `Init` once (the device id and the saved session, from the page's
 * localStorage), then `Call`s; each call is answered by exactly one `Reply` with its id.
 * `SetPresence` and `NetworkChanged` have no reply.
 * Worker -> UI: `Reply`s and `Notice`s (change, status, presence, session saved or cleared).
 */
import type {
  AccordErrorInfo,
  ChangeEvent,
  Peer,
  PresenceState,
  Role,
  Status,
} from '../core/api.js';

/** What the page keeps in localStorage to resume a session after a reload (also offline). */
export interface SavedSession {
  serverUrl: string;
  user: string;
  team: string;
  role: Role;
  token: string;
}

export interface Init {
  type: 'init';
  device: string;
  session: SavedSession | null;
}

/** A call of an AccordClient method by name with its arguments. */
export interface Call {
  type: 'call';
  id: number;
  method: string;
  args: unknown[];
}

/** setPresence has no reply. */
export interface SetPresence {
  type: 'presence';
  state: PresenceState;
}

/**
 * The page's view of the network changed (its `online`/`offline` events). The worker has its
 * own events, but a page is what the browser (and Playwright's setOffline) tells first and
 * surely; either one makes the worker reconnect at once.
 */
export interface NetworkChanged {
  type: 'network';
  online: boolean;
}

export type ToWorker = Init | Call | SetPresence | NetworkChanged;

export type Reply =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: AccordErrorInfo };

export type Notice =
  | { type: 'change'; event: ChangeEvent }
  | { type: 'status'; status: Status }
  | { type: 'presence'; peers: Peer[] }
  /** Save (or with null, forget) the session in the page's localStorage. */
  | { type: 'session'; session: SavedSession | null };

export type FromWorker = Reply | Notice;
