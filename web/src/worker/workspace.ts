/**
 * The worker's side of the client API (../core/api.ts): one signed-in user's team, its
 * documents open in the core (bound to the local SQLite store) and synced with accord-server
 * through the core's SyncSession over one WebSocket (/sync, Hocuspocus framing, the token in
 * each document's Auth message).
 *
 * Documents (DESIGN.md): `<team>/index`, and per account `<team>/account/<id>` and
 * `<team>/visits/<id>`. Every document of the team found in the store is opened at start (so
 * everything works offline); accounts that appear in the index (created on another device)
 * are opened as they arrive. Edits go through the core's model API and are durable in the
 * store before the call resolves; the session sends them and, after a reconnect, resends
 * whatever the server lacks (the sync handshake compares state vectors). A document's stored
 * outbox is acknowledged once the session reports it synced, so `pendingChanges` counts what
 * the server does not hold yet, also across reloads.
 *
 * Environment-free: the core, sockets, fetch, clocks and notices are injected (main.ts wires
 * the browser's; tests/wasm wire Node's).
 */
import type { AccordCore, Actor } from '../../../wasm/js/accord.mjs';
import type {
  AccordErrorInfo,
  Change,
  ChangeEvent,
  Digest,
  DocumentKind,
  FieldPatch,
  FollowUps,
  Funnel,
  Peer,
  Period,
  PowerMapHealth,
  PresenceState,
  RecordData,
  Role,
  Schema,
  Scope,
  Session,
  Status,
  SyncState,
  Tiering,
} from '../core/api.js';
import { Connection, type SocketFactory } from './connection.js';
import type { Notice, SavedSession } from './protocol.js';

/** An error the worker reports to the UI (becomes a rejected promise there). */
export class WorkspaceError extends Error implements AccordErrorInfo {
  code: AccordErrorInfo['code'];
  field?: string;
  record?: string;
  constructor(info: AccordErrorInfo) {
    super(info.message);
    this.code = info.code;
    if (info.field !== undefined) this.field = info.field;
    if (info.record !== undefined) this.record = info.record;
  }
}

/** The error info of anything thrown (AccordError of the core, WorkspaceError, others). */
export function errorInfo(e: unknown): AccordErrorInfo {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const x = e as { code: AccordErrorInfo['code']; message: string; field?: string; record?: string };
    const info: AccordErrorInfo = { code: x.code, message: x.message };
    if (x.field !== undefined) info.field = x.field;
    if (x.record !== undefined) info.record = x.record;
    return info;
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

export interface WorkspaceOptions {
  core: AccordCore;
  /** Handle of the open store. */
  store: number;
  storage: Status['storage'];
  /** This installation's id (journal entries name it). */
  device: string;
  makeSocket: SocketFactory;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** navigator.onLine. */
  online: () => boolean;
  /** navigator.storage.persisted(). */
  persisted: () => Promise<boolean>;
  notify: (notice: Notice) => void;
  /** Unix ms (default Date.now). */
  now?: () => number;
}

interface OpenDoc {
  name: string;
  handle: number;
  kind: DocumentKind;
  account: string | null;
}

const TEAM_COLLECTIONS = new Set(['settings', 'accounts', 'members']);
/** Close code a server may use to say this client is too old (as HTTP 426). */
export const CLOSE_UPGRADE_REQUIRED = 4426;

export class Workspace {
  private readonly core: AccordCore;
  private readonly opts: WorkspaceOptions;
  private readonly now: () => number;
  private current: SavedSession | null = null;
  private readonly docs = new Map<string, OpenDoc>();
  /** Documents whose stored outbox may hold updates the server has not acknowledged. */
  private readonly unacked = new Set<string>();
  private connection: Connection | null = null;
  private session = 0;
  private schemaCache: Schema | null = null;
  private lastSyncedAt: number | null = null;
  private refusedDetail = '';
  private upgradeDetail = '';
  private closeDetail = '';
  private persistedFlag = false;
  private lastStatus = '';
  private lastState: SyncState | null = null;
  private lastPeers = '';
  private presence: PresenceState = { account: null, contact: null };
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  /** The network as the last online/offline event said (navigator.onLine at start). */
  private networkOnline: boolean;

  constructor(options: WorkspaceOptions) {
    this.opts = options;
    this.core = options.core;
    this.now = options.now ?? (() => Date.now());
    this.networkOnline = options.online();
  }

  // ------------------------------------------------------------------------------ session

  /** Resumes a saved session (after a reload): opens the stored documents and syncs. */
  async resume(saved: SavedSession): Promise<Session> {
    this.current = saved;
    this.openTeamDocuments();
    this.startSync();
    this.refreshPersisted();
    this.emitStatus();
    return this.sessionOf(saved);
  }

  async signIn(serverUrl: string, user: string, password: string): Promise<Session> {
    const base = serverUrl.replace(/\/+$/, '');
    let response: Response;
    try {
      response = await this.opts.fetch(`${base}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, password }),
      });
    } catch (e) {
      throw new WorkspaceError({
        code: 'unavailable',
        message: `cannot reach ${base}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
    const body = (await response.json().catch(() => ({}))) as {
      token?: string;
      user?: string;
      teams?: { team: string; role: Role }[];
      code?: AccordErrorInfo['code'];
      error?: string;
    };
    if (!response.ok || !body.token || !body.user) {
      throw new WorkspaceError({
        code: body.code ?? 'permission_denied',
        message: body.error ?? `sign-in failed (HTTP ${response.status})`,
      });
    }
    const membership = body.teams?.[0];
    if (!membership) {
      throw new WorkspaceError({
        code: 'permission_denied',
        message: `user ${body.user} is not a member of any team`,
      });
    }
    if (this.current) await this.signOut();
    const saved: SavedSession = {
      serverUrl: base,
      user: body.user,
      team: membership.team,
      role: membership.role,
      token: body.token,
    };
    this.current = saved;
    this.refusedDetail = '';
    this.opts.notify({ type: 'session', session: saved });
    this.openTeamDocuments();
    if (saved.role !== 'viewer') {
      const index = this.doc(this.indexName());
      this.core.teamIndexEnsure(index.handle, saved.team, saved.user, this.actor());
      this.afterLocalEdit(index);
    }
    this.startSync();
    this.refreshPersisted();
    this.emitStatus();
    return this.sessionOf(saved);
  }

  async signOut(): Promise<void> {
    const saved = this.current;
    if (!saved) return;
    this.stopSync();
    for (const doc of this.docs.values()) this.core.docClose(doc.handle);
    this.docs.clear();
    this.unacked.clear();
    this.current = null;
    this.opts.notify({ type: 'session', session: null });
    try {
      await this.opts.fetch(`${saved.serverUrl}/api/logout`, {
        method: 'POST',
        headers: { authorization: `Bearer ${saved.token}` },
      });
    } catch {
      // Offline: the token expires on the server by itself.
    }
    this.emitStatus();
  }

  /**
   * Stops syncing and closes the documents without signing out (the worker is going away; the
   * session stays saved). The store stays open: its owner closes it.
   */
  shutdown(): void {
    this.stopSync();
    for (const doc of this.docs.values()) this.core.docClose(doc.handle);
    this.docs.clear();
    this.unacked.clear();
    if (this.statusTimer !== null) clearTimeout(this.statusTimer);
    this.statusTimer = null;
  }

  async sessionInfo(): Promise<Session | null> {
    return this.current ? this.sessionOf(this.current) : null;
  }

  // ------------------------------------------------------------------------------ records

  async schema(): Promise<Schema> {
    this.schemaCache ??= this.core.schema();
    return this.schemaCache;
  }

  async list(
    collection: string,
    scope: Scope,
    options?: { includeArchived?: boolean },
  ): Promise<RecordData[]> {
    return this.core.recordsList(this.docFor(collection, scope).handle, collection, !!options?.includeArchived);
  }

  async get(collection: string, id: string, scope: Scope): Promise<RecordData | null> {
    return this.core.recordGet(this.docFor(collection, scope).handle, collection, id);
  }

  async create(collection: string, scope: Scope, fields: FieldPatch): Promise<RecordData> {
    this.checkWriter();
    if (collection === 'accounts' && scope === null) return this.createAccount(fields);
    const doc = this.docFor(collection, scope);
    const record = this.core.recordWrite(doc.handle, collection, '', fields, this.actor());
    this.afterLocalEdit(doc);
    return record;
  }

  async update(collection: string, id: string, scope: Scope, fields: FieldPatch): Promise<RecordData> {
    this.checkWriter();
    const doc = this.docFor(collection, scope);
    const record = this.core.recordWrite(doc.handle, collection, id, fields, this.actor());
    if (collection === 'account' && scope !== null) this.refreshAccountEntry(scope);
    this.afterLocalEdit(doc);
    return record;
  }

  async remove(collection: string, id: string, scope: Scope): Promise<void> {
    this.checkWriter();
    const doc = this.docFor(collection, scope);
    this.core.recordArchive(doc.handle, collection, id, true, this.actor());
    this.afterLocalEdit(doc);
  }

  async editText(
    collection: string,
    id: string,
    scope: Scope,
    field: string,
    index: number,
    deleteCount: number,
    insert: string,
  ): Promise<string> {
    this.checkWriter();
    const doc = this.docFor(collection, scope);
    const text = this.core.textEdit(doc.handle, collection, id, field, index, deleteCount, insert, this.actor());
    this.afterLocalEdit(doc);
    return text;
  }

  async history(collection: string, id: string, scope: Scope): Promise<Change[]> {
    const doc = this.docFor(collection, scope);
    const schema = (await this.schema()).collections.find((c) => c.collection === collection);
    const path = schema?.singleton ? collection : `${collection}/${id}`;
    return this.core.history(doc.handle, path);
  }

  async reviewVisit(account: string, visitId: string, comment: string): Promise<RecordData> {
    this.checkWriter();
    const doc = this.docFor('visits', account);
    const record = this.core.visitReview(doc.handle, visitId, comment, this.actor());
    this.afterLocalEdit(doc);
    return record;
  }

  async exportDocument(scope: Scope, options?: { includeSensitive?: boolean }): Promise<unknown> {
    const doc = scope === null ? this.doc(this.indexName()) : this.doc(this.accountName(scope));
    return this.core.exportDocument(doc.handle, !!options?.includeSensitive, true);
  }

  async importDocument(
    scope: Scope,
    data: unknown,
  ): Promise<{ created: number; updated: number; fieldsSet: number }> {
    this.checkWriter();
    const doc = scope === null ? this.doc(this.indexName()) : this.doc(this.accountName(scope));
    const report = this.core.importDocument(doc.handle, data, true, this.actor());
    if (scope !== null) this.refreshAccountEntry(scope);
    this.afterLocalEdit(doc);
    return report;
  }

  // ------------------------------------------------------------------------------ analytics

  async powerMapHealth(account: string): Promise<PowerMapHealth> {
    const visits = this.docs.get(this.visitsName(account));
    return this.core.powerMapHealth(
      this.doc(this.indexName()).handle,
      this.doc(this.accountName(account)).handle,
      visits ? visits.handle : 0,
      this.now(),
    );
  }

  async followUps(): Promise<FollowUps> {
    return this.core.followUps(this.doc(this.indexName()).handle, this.accountPairs(), this.now());
  }

  async digest(): Promise<Digest> {
    return this.core.digest(this.accountPairs(), this.now());
  }

  async funnel(period: Period): Promise<Funnel> {
    const from = Date.parse(`${period.from}T00:00:00Z`);
    const to = Date.parse(`${period.to}T00:00:00Z`);
    if (Number.isNaN(from) || Number.isNaN(to)) {
      throw new WorkspaceError({
        code: 'invalid_argument',
        message: `funnel: period must be {from, to} as YYYY-MM-DD (got ${period.from} .. ${period.to})`,
      });
    }
    return this.core.funnel(this.accountPairs(), from, to);
  }

  async tiering(): Promise<Tiering> {
    return this.core.tiering(this.accountPairs().map(([account]) => account));
  }

  // ------------------------------------------------------------------------------ presence

  setPresence(state: PresenceState): void {
    this.presence = state;
    this.publishPresence();
  }

  /**
   * Browser online/offline events (the worker's own, or the page's passed on with `online`).
   * When the network returns, or comes up while the session waits out its backoff, the
   * session restarts at once: a new connection and the backoff reset (it may have grown to
   * 30 s while offline); a connection attempt begun while offline is replaced. An open
   * connection, and one opened after the network returned, are left alone (so the page's and
   * the worker's events for the same change reconnect once), and so are the terminal states
   * (refused, outdated).
   */
  networkChanged(online: boolean = this.opts.online()): void {
    const returned = online && !this.networkOnline;
    this.networkOnline = online;
    if (this.session && online) {
      const state = this.core.sessionStatus(this.session).state;
      if (state === 'waiting' || (returned && state === 'connecting')) {
        this.core.sessionStop(this.session);
        this.core.sessionStart(this.session);
      }
    }
    this.emitStatus();
  }

  /** The status now (also sent as a notice whenever it changes). */
  status(): Status {
    const pending = this.pendingChanges();
    const state = this.syncState(pending);
    let detail = '';
    if (state === 'refused') detail = this.refusedDetail;
    else if (state === 'upgrade-required') detail = this.upgradeDetail;
    else if (state === 'offline' || state === 'connecting') detail = this.closeDetail;
    return {
      online: this.networkOnline && !!this.connection?.connected,
      pendingChanges: pending,
      lastSyncedAt: this.lastSyncedAt,
      state,
      persisted: this.persistedFlag,
      storage: this.opts.storage,
      detail,
    };
  }

  // ------------------------------------------------------------------------------ internals

  private sessionOf(saved: SavedSession): Session {
    return { user: saved.user, team: saved.team, role: saved.role, serverUrl: saved.serverUrl };
  }

  private requireSession(): SavedSession {
    if (!this.current) throw new WorkspaceError({ code: 'failed_precondition', message: 'not signed in' });
    return this.current;
  }

  private checkWriter(): void {
    const saved = this.requireSession();
    if (saved.role === 'viewer') {
      throw new WorkspaceError({
        code: 'permission_denied',
        message: `${saved.user} is a viewer of team ${saved.team} and cannot edit`,
      });
    }
  }

  private actor(): Actor {
    return { user: this.requireSession().user, device: this.opts.device, now: this.now() };
  }

  private indexName(): string {
    return `${this.requireSession().team}/index`;
  }
  private accountName(account: string): string {
    return `${this.requireSession().team}/account/${account}`;
  }
  private visitsName(account: string): string {
    return `${this.requireSession().team}/visits/${account}`;
  }

  private doc(name: string): OpenDoc {
    const doc = this.docs.get(name);
    if (!doc) throw new WorkspaceError({ code: 'not_found', message: `document ${name} is not open` });
    return doc;
  }

  /** The document holding `collection` in `scope` (see api.ts Scope). */
  private docFor(collection: string, scope: Scope): OpenDoc {
    if (TEAM_COLLECTIONS.has(collection)) {
      if (scope !== null) {
        throw new WorkspaceError({
          code: 'invalid_argument',
          message: `collection '${collection}' is in the team index: its scope is null`,
        });
      }
      return this.doc(this.indexName());
    }
    if (scope === null) {
      throw new WorkspaceError({
        code: 'invalid_argument',
        message: `collection '${collection}' belongs to an account: give the account id as scope`,
      });
    }
    if (collection === 'visits') return this.doc(this.visitsName(scope));
    return this.doc(this.accountName(scope));
  }

  private classify(name: string): Omit<OpenDoc, 'handle' | 'name'> | null {
    const team = this.requireSession().team;
    if (name === `${team}/index`) return { kind: 'team_index', account: null };
    const account = name.match(new RegExp(`^${escapeRegExp(team)}/(account|visits)/([^/]+)$`));
    if (!account) return null;
    return { kind: account[1] === 'account' ? 'account' : 'visit_log', account: account[2] ?? null };
  }

  /** Opens (and attaches to the session) a document of the team, once. */
  private openDocument(name: string): OpenDoc {
    const existing = this.docs.get(name);
    if (existing) return existing;
    const kind = this.classify(name);
    if (!kind) throw new WorkspaceError({ code: 'invalid_argument', message: `not a document of this team: ${name}` });
    const handle = this.core.docOpen(this.opts.store, name);
    const doc: OpenDoc = { name, handle, ...kind };
    this.docs.set(name, doc);
    this.unacked.add(name);
    this.core.docObserve(handle, (remote) => this.changed(name, remote));
    this.checkSchemaVersion(name, handle);
    if (this.session) this.core.sessionAttach(this.session, name, handle);
    return doc;
  }

  private openTeamDocuments(): void {
    const team = this.requireSession().team;
    this.openDocument(`${team}/index`);
    for (const name of this.core.storeListDocuments(this.opts.store)) {
      if (name.startsWith(`${team}/`) && this.classify(name)) this.openDocument(name);
    }
    this.openListedAccounts();
  }

  /** Opens the documents of accounts listed in the index that are not open yet. */
  private openListedAccounts(): void {
    const index = this.docs.get(this.indexName());
    if (!index) return;
    for (const entry of this.core.recordsList(index.handle, 'accounts', true)) {
      this.openDocument(this.accountName(entry.id));
      this.openDocument(this.visitsName(entry.id));
    }
  }

  private accountPairs(): [number, number][] {
    const pairs: [number, number][] = [];
    for (const [name, doc] of this.docs) {
      if (doc.kind !== 'account' || doc.account === null) continue;
      if (this.core.docMeta(doc.handle) === null) continue; // listed but not synced yet
      const visits = this.docs.get(this.visitsName(doc.account));
      const visitsHandle = visits && this.core.docMeta(visits.handle) !== null ? visits.handle : 0;
      pairs.push([this.doc(name).handle, visitsHandle]);
    }
    return pairs;
  }

  private async createAccount(fields: FieldPatch): Promise<RecordData> {
    const id = this.core.newId(this.now());
    const account = this.openDocument(this.accountName(id));
    const visits = this.openDocument(this.visitsName(id));
    const index = this.doc(this.indexName());
    const record = this.core.accountCreate(index.handle, account.handle, visits.handle, id, fields, this.actor());
    this.afterLocalEdit(account, visits, index);
    return { ...record, id };
  }

  private refreshAccountEntry(account: string): void {
    const index = this.doc(this.indexName());
    this.core.accountRefreshEntry(index.handle, this.doc(this.accountName(account)).handle, this.actor());
    this.unacked.add(index.name);
  }

  private checkSchemaVersion(name: string, handle: number): void {
    const meta = this.core.docMeta(handle);
    const schema = this.schemaCache ?? this.core.schema();
    this.schemaCache = schema;
    if (meta && meta.schemaVersion > schema.version) {
      this.upgradeDetail = `${name} was written by a newer Accord (schema ${meta.schemaVersion}, this client knows ${schema.version}): reload to update`;
    }
  }

  private changed(name: string, remote: boolean): void {
    const doc = this.docs.get(name);
    if (!doc) return;
    const event: ChangeEvent = { document: doc.kind, account: doc.account, remote };
    // Deferred: the core is inside a transaction while it calls observers.
    queueMicrotask(() => {
      if (!this.docs.has(name)) return;
      if (remote) {
        this.checkSchemaVersion(name, doc.handle);
        if (doc.kind === 'team_index') this.openListedAccounts();
      }
      this.opts.notify({ type: 'change', event });
      this.scheduleStatus();
    });
  }

  private afterLocalEdit(...docs: OpenDoc[]): void {
    for (const doc of docs) this.unacked.add(doc.name);
    this.scheduleStatus();
  }

  private startSync(): void {
    const saved = this.requireSession();
    const url = saved.serverUrl.replace(/^http/, 'ws') + '/sync';
    const connection = new Connection(this.core, url, this.opts.makeSocket, {
      opened: () => {
        this.closeDetail = '';
        this.scheduleStatus();
      },
      closed: (code, reason) => {
        this.closeDetail = reason ? `connection closed (${code}): ${reason}` : `connection closed (${code})`;
        if (code === CLOSE_UPGRADE_REQUIRED) this.upgradeDetail = reason || 'the server needs a newer client';
        if (code === 1008 && reason) this.refusedDetail = reason;
        this.scheduleStatus();
      },
      failed: (message) => {
        this.closeDetail = message;
      },
      message: () => {
        this.acknowledgeSynced();
        this.checkDenied();
        this.emitPresence();
        this.scheduleStatus();
      },
      synced: (name) => this.acknowledgeIfSynced(name),
      acknowledged: (name) => this.acknowledgeIfSynced(name),
    });
    const session = this.core.sessionCreate(connection, {
      token: saved.token,
      seed: Math.floor(Math.random() * 2 ** 32),
    });
    connection.session = session;
    this.connection = connection;
    this.session = session;
    for (const [name, doc] of this.docs) this.core.sessionAttach(session, name, doc.handle);
    this.core.sessionStart(session);
    this.publishPresence();
  }

  private stopSync(): void {
    if (!this.session) return;
    const session = this.session;
    this.core.sessionStop(session);
    for (const name of this.docs.keys()) this.core.sessionDetach(session, name);
    this.connection?.dispose();
    this.core.sessionDestroy(session);
    this.session = 0;
    this.connection = null;
  }

  private acknowledgeIfSynced(name: string): void {
    const doc = this.docs.get(name);
    if (!doc || !this.session) return;
    if (this.core.sessionDocumentStatus(this.session, name).synced) {
      this.core.docAcknowledgeAll(doc.handle);
      this.unacked.delete(name);
    }
    this.scheduleStatus();
  }

  /** Acknowledges the stored outbox of every document the server now holds entirely. */
  private acknowledgeSynced(): void {
    for (const name of [...this.unacked]) this.acknowledgeIfSynced(name);
  }

  private checkDenied(): void {
    if (!this.session) return;
    for (const name of this.docs.keys()) {
      const denied = this.core.sessionDocumentStatus(this.session, name).denied;
      if (denied) {
        this.refusedDetail = `${name}: ${denied}`;
        return;
      }
    }
  }

  private pendingChanges(): number {
    let pending = 0;
    for (const name of this.unacked) {
      const doc = this.docs.get(name);
      if (doc) pending += this.core.docOutboxCount(doc.handle);
    }
    return pending;
  }

  private syncState(pending: number): SyncState {
    if (this.upgradeDetail) return 'upgrade-required';
    if (this.refusedDetail) return 'refused';
    if (!this.session || !this.connection) return 'offline';
    if (!this.networkOnline) return 'offline';
    const session = this.core.sessionStatus(this.session);
    // A viewer's sync step 2 is refused by design (viewers never write): not an error.
    if (session.refused > 0 && this.current?.role !== 'viewer') {
      this.refusedDetail = `the server refused ${session.refused} update(s)`;
      return 'refused';
    }
    if (session.state === 'outdated') {
      this.upgradeDetail ||= session.lastClose?.reason || 'the server needs a newer client: reload to update';
      return 'upgrade-required';
    }
    if (session.state === 'refused') {
      this.refusedDetail ||= session.lastClose?.reason || 'the server refused this session: sign in again';
      return 'refused';
    }
    if (session.state === 'waiting' || session.state === 'stopped') return 'offline';
    if (session.state === 'connecting') return 'connecting';
    for (const name of this.docs.keys()) {
      if (!this.core.sessionDocumentStatus(this.session, name).synced) return 'syncing';
    }
    return pending > 0 ? 'syncing' : 'synced';
  }

  private scheduleStatus(): void {
    if (this.statusTimer !== null) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      this.emitStatus();
    }, 0);
  }

  private emitStatus(): void {
    let status = this.status();
    if (status.state === 'synced' && this.lastState !== 'synced') {
      this.lastSyncedAt = this.now();
      status = { ...status, lastSyncedAt: this.lastSyncedAt };
    }
    if (status.state !== this.lastState) this.refreshPersisted(); // the page may have been granted it
    this.lastState = status.state;
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.opts.notify({ type: 'status', status });
  }

  private refreshPersisted(): void {
    this.opts.persisted().then(
      (persisted) => {
        this.persistedFlag = persisted;
        this.emitStatus();
      },
      () => {},
    );
  }

  private publishPresence(): void {
    if (!this.session || !this.current) return;
    const state = JSON.stringify({ user: this.current.user, ...this.presence });
    try {
      this.core.sessionSetAwareness(this.session, this.indexName(), state);
    } catch {
      // The index is not attached (signed out meanwhile): nothing to publish.
    }
  }

  private emitPresence(): void {
    if (!this.session || !this.current) return;
    const awareness = this.core.sessionAwareness(this.session, this.indexName());
    const peers: Peer[] = [];
    for (const { clientId, state } of awareness?.states ?? []) {
      if (clientId === awareness?.clientId) continue;
      try {
        const parsed = JSON.parse(state) as Partial<Peer>;
        if (typeof parsed.user !== 'string') continue;
        peers.push({
          clientId,
          user: parsed.user,
          account: typeof parsed.account === 'string' ? parsed.account : null,
          contact: typeof parsed.contact === 'string' ? parsed.contact : null,
        });
      } catch {
        // A peer's state that is not ours (another client kind): not shown.
      }
    }
    const key = JSON.stringify(peers);
    if (key === this.lastPeers) return;
    this.lastPeers = key;
    this.opts.notify({ type: 'presence', peers });
  }

  /** The current peers (for a new onPresence subscriber). */
  peers(): Peer[] {
    return this.lastPeers ? (JSON.parse(this.lastPeers) as Peer[]) : [];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
