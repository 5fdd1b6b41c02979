// Types of accord.mjs: the Accord core module's bindings, after unwrapping (an error of the core
// is thrown as AccordError). tests/wasm/bindings.test.mjs checks that this file, accord.mjs's
// BINDINGS and the EMSCRIPTEN_BINDINGS of wasm/src agree, and calls every binding.
//
// Handles are integers naming objects inside the module (a store, a document, a session);
// a stale handle throws 'invalid_argument'. Documents must be detached from sessions before
// they are closed. Record values and analytics results are the types of the UI API.
import type {
  Change,
  Digest,
  FieldPatch,
  FollowUps,
  Funnel,
  PowerMapHealth,
  RecordData,
  Schema,
  Tiering,
} from '../../web/src/core/api.js';

export type { Change, Digest, FollowUps, Funnel, PowerMapHealth, RecordData, Schema, Tiering };

/** The core's status codes. */
export type CoreErrorCode =
  | 'invalid_argument'
  | 'corrupt'
  | 'unsupported'
  | 'limit_exceeded'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'permission_denied'
  | 'io_error'
  | 'internal';

export class AccordError extends Error {
  constructor(info: { code: CoreErrorCode; message: string; field?: string; record?: string });
  readonly code: CoreErrorCode;
  /** The field a validation error names. */
  readonly field?: string;
  /** The record path ("contacts/<id>") a validation error names. */
  readonly record?: string;
}

/** The VFS back end (wasm/src/sqlite_vfs.cc; implementations in files.mjs). */
export interface AccordFiles {
  kind: string;
  open(path: string, create: boolean): number;
  read(id: number, view: Uint8Array, offset: number): number;
  write(id: number, view: Uint8Array, offset: number): number;
  truncate(id: number, size: number): number;
  sync(id: number): number;
  size(id: number): number;
  close(id: number): number;
  remove(path: string): number;
  exists(path: string): boolean;
}

/** Who edits and when. */
export interface Actor {
  user: string;
  device: string;
  /** Unix milliseconds. */
  now: number;
}

/** What sessionCreate's host object provides (see wasm/src/bindings_sync.cc). */
export interface SessionHost {
  open(): void;
  send(message: Uint8Array): void;
  close(): void;
  now(): number;
  schedule(delayMs: number, id: number): void;
  cancel(id: number): void;
  synced(name: string): void;
  acknowledged(name: string): void;
}

export interface SessionOptions {
  token: string;
  seed?: number;
  framing?: 'hocuspocus' | 'y-websocket';
  maxFrameBytes?: number;
}

/** One record found by search(). */
export interface SearchHit {
  kind: 'account' | 'contact' | 'visit';
  /** The account the record belongs to (the account itself for kind "account"). */
  accountId: string;
  /** The record's id (the account id for kind "account"). */
  recordId: string;
  /** What to show: a name, "contact · account" or "date · account · purpose". */
  label: string;
  /** Relevance: higher is better. */
  score: number;
}

export interface AccordCore {
  readonly files: AccordFiles;

  version(): string;
  buildTarget(): string;

  storeOpen(path: string): number;
  storeClose(store: number): void;
  storeAppend(
    store: number,
    document: string,
    update: Uint8Array,
    local: boolean,
  ): { logSeq: number; outboxSeq?: number };
  storeLoad(
    store: number,
    document: string,
  ): { exists: boolean; state: Uint8Array; hasPending: boolean };
  storeOutbox(store: number, document: string): { seq: number; update: Uint8Array }[];
  storeAcknowledge(store: number, document: string, upToSeq: number): number;
  storeCompact(
    store: number,
    document: string,
  ): { compacted: boolean; hasPending: boolean; rowsMerged: number };
  storeListDocuments(store: number): string[];
  /** "ok" when healthy, else SQLite's report. */
  storeIntegrityCheck(store: number): string;

  /**
   * Brings the projection tables of `team` (accounts, contacts, visits, actions and the search
   * index) up to date with its documents in `store`: loads them and rewrites the rows of every
   * account changed since (all of them the first time). Returns the number of accounts.
   * Throws not_found when the store has no team index for `team`.
   */
  projectionUpdate(store: number, team: string): number;
  /**
   * Accounts, contacts and visits of `team` matching every word of `query` (English or
   * Chinese: 王, 王总 and 采购 find the records containing them; Latin words match as prefixes,
   * ignoring case and accents), best first. The query is plain text, never search syntax.
   * Throws invalid_argument for a query without letters, digits or Chinese characters, and
   * failed_precondition before the first projectionUpdate. `options` may be {} (at most 50
   * hits, every kind).
   */
  search(
    store: number,
    team: string,
    query: string,
    options: { limit?: number; kinds?: ('account' | 'contact' | 'visit')[] },
  ): SearchHit[];

  docOpen(store: number, name: string): number;
  docClose(doc: number): void;
  docMeta(doc: number): { kind: string; schemaVersion: number; id: string } | null;
  /** The whole state (stateVector null) or what a peer with `stateVector` lacks. */
  docEncodeState(doc: number, stateVector: Uint8Array | null): Uint8Array;
  docStateVector(doc: number): Uint8Array;
  docApplyUpdate(doc: number, update: Uint8Array): void;
  docToJson(doc: number): Record<string, unknown>;
  /** cb(remote) after every update; must not call into the core synchronously. */
  docObserve(doc: number, cb: (remote: boolean) => void): void;
  docOutboxCount(doc: number): number;
  docAcknowledgeAll(doc: number): number;

  recordsList(doc: number, collection: string, includeArchived: boolean): RecordData[];
  recordGet(doc: number, collection: string, id: string): RecordData | null;
  /** Creates (id "") or updates a record; all or nothing; returns the record. */
  recordWrite(
    doc: number,
    collection: string,
    id: string,
    fields: FieldPatch,
    actor: Actor,
  ): RecordData;
  recordArchive(doc: number, collection: string, id: string, archived: boolean, actor: Actor): void;
  /** Returns the new text. */
  textEdit(
    doc: number,
    collection: string,
    id: string,
    field: string,
    index: number,
    deleteCount: number,
    insert: string,
    actor: Actor,
  ): string;
  visitReview(doc: number, visitId: string, comment: string, actor: Actor): RecordData;
  /** A fresh UUIDv7. */
  newId(nowMs: number): string;
  teamIndexEnsure(doc: number, team: string, memberName: string, actor: Actor): void;
  accountCreate(
    index: number,
    account: number,
    visits: number,
    accountId: string,
    fields: FieldPatch,
    actor: Actor,
  ): RecordData;
  accountRefreshEntry(index: number, account: number, actor: Actor): void;

  schema(): Schema;

  history(doc: number, recordPath: string): Change[];
  exportDocument(doc: number, includeSensitive: boolean, includeArchived: boolean): unknown;
  importDocument(
    doc: number,
    data: unknown,
    strict: boolean,
    actor: Actor,
  ): { created: number; updated: number; fieldsSet: number };

  powerMapHealth(index: number, account: number, visits: number, nowMs: number): PowerMapHealth;
  /** accounts: [account document, visit log document or 0] pairs. */
  followUps(index: number, accounts: [number, number][], nowMs: number): FollowUps;
  digest(accounts: [number, number][], nowMs: number): Digest;
  funnel(accounts: [number, number][], fromMs: number, toMs: number): Funnel;
  tiering(accounts: number[]): Tiering;

  sessionCreate(host: SessionHost, options: SessionOptions): number;
  sessionDestroy(session: number): void;
  sessionAttach(session: number, name: string, doc: number): void;
  sessionDetach(session: number, name: string): boolean;
  sessionStart(session: number): void;
  sessionStop(session: number): void;
  sessionOnOpen(session: number): void;
  sessionOnMessage(session: number, message: Uint8Array): void;
  /** The socket closed (code 1006 and reason "" when it failed or never opened). */
  sessionOnClosed(session: number, code: number, reason: string): void;
  sessionFire(session: number, timerId: number): void;
  sessionSetAwareness(session: number, name: string, stateJson: string | null): void;
  sessionAwareness(
    session: number,
    name: string,
  ): { clientId: number; states: { clientId: number; state: string }[] } | null;
  sessionStatus(session: number): {
    state: 'stopped' | 'connecting' | 'connected' | 'waiting' | 'refused' | 'outdated';
    outboxTotal: number;
    connections: number;
    refused: number;
    lastClose: { code: number; reason: string } | null;
    lastError: { code: CoreErrorCode; message: string } | null;
  };
  sessionDocumentStatus(
    session: number,
    name: string,
  ): { synced: boolean; outbox: number; denied: string | null };
}

export const BINDINGS: readonly (keyof Omit<AccordCore, 'files'>)[];

export function createCore(options?: {
  files?: AccordFiles;
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
}): Promise<AccordCore>;
