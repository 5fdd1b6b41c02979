/**
 * The interface the UI uses to reach the Accord core.
 *
 * The core (C++ compiled to WebAssembly, with its SQLite store) runs in a dedicated Web Worker
 * (web/src/worker). `AccordClient` is the UI side: every call is a message to the worker and a
 * promise of its answer, so the UI never blocks on the core. Subscriptions (`onChange`,
 * `onStatus`, `onPresence`) return a function that unsubscribes.
 *
 * The client is schema-driven: `schema()` returns the core's runtime schema (every record kind,
 * every field with its kind, English and Chinese labels, vocabularies, ranges and reference
 * targets), so forms, badges and validation messages can be generic. Record field keys are the
 * core's stable snake_case keys (`buying_roles`, `funnel_stage`); enum values are the stable
 * codes (`champion`), shown with the vocabulary's `en` / `zh` names.
 *
 * Documents (DESIGN.md "Documents"): a collection lives in one kind of document. Its `scope`
 * says which one: `null` for the team index (collections `settings`, `accounts`, `members`),
 * the account id for the account document (`account`, `plan`, `contacts`, `links`, ...) and
 * for the account's visit log (`visits`).
 *
 * Errors: a rejected promise carries an `AccordError` (below): the core's status code, the
 * field when a validation failed, and a message a person can read. Nothing is partially
 * written when a call fails.
 *
 * Durability: a mutating call resolves only once the change is committed to the local store
 * (SQLite in the browser's origin-private file system), so "saved" in the UI means saved on
 * this device. Reaching the server is reported separately by `onStatus` (`pendingChanges`).
 */

/** The core's status codes (accord::StatusCode), plus client-side ones. */
export type ErrorCode =
  | 'invalid_argument'
  | 'corrupt'
  | 'unsupported'
  | 'limit_exceeded'
  | 'not_found'
  | 'already_exists'
  | 'failed_precondition'
  | 'permission_denied'
  | 'io_error'
  | 'internal'
  /** signIn: the server could not be reached. */
  | 'unavailable'
  /** Another tab holds this browser's store (see `SyncState` 'other-tab'). */
  | 'locked';

/** What a rejected call carries (also thrown as an `Error` subclass, see client.ts). */
export interface AccordErrorInfo {
  /** The status code, e.g. 'invalid_argument'. */
  code: ErrorCode;
  /** The field key a validation error is about (e.g. 'hidden_rank'), else undefined. */
  field?: string;
  /** The record ("contacts/<id>") the error is about, when known. */
  record?: string;
  /** What went wrong, where and why (English, from the core). */
  message: string;
}

// ---------------------------------------------------------------------------------- schema

/** How a field is stored and edited (accord::model::FieldKind). */
export type FieldKind =
  | 'string' // short text: value is a string of at most maxBytes UTF-8 bytes
  | 'text' // long co-edited free text: value is a string (see editText)
  | 'enum' // one code of `enum`
  | 'enum_set' // an array of codes of `enum`
  | 'int' // an integer in [min, max]
  | 'number' // a finite number in [min, max]
  | 'bool'
  | 'date' // "YYYY-MM-DD"
  | 'date_time' // ISO-8601 with an offset, e.g. "2026-11-23T09:30:00Z"
  | 'ref' // a record id of collection `target` (or a member's user id when target is "")
  | 'ref_set'; // an array of such ids

/** One value of a vocabulary. */
export interface EnumValue {
  code: string; // stable code stored in documents
  en: string;
  zh: string;
}

/** A vocabulary (e.g. "stance"), its values in the domain's order (meaningful where ordered). */
export interface EnumSchema {
  name: string;
  values: EnumValue[];
}

/** One field of a record kind. */
export interface FieldSchema {
  key: string;
  kind: FieldKind;
  en: string;
  zh: string;
  /** enum / enum_set: the vocabulary's name (a key of Schema.enums). */
  enum?: string;
  /** int / number: inclusive range. */
  min?: number;
  max?: number;
  /** string: maximum UTF-8 bytes. */
  maxBytes?: number;
  /** ref / ref_set: target collection ("" = a team member's user id). */
  target?: string;
  /** Personal profile data: shown and exported for the account team only. */
  sensitive: boolean;
  /** Common to every record (archived, created_at, created_by): written by the core. */
  common: boolean;
}

/** Which document holds a collection. */
export type DocumentKind = 'team_index' | 'account' | 'visit_log';

/** A record kind. */
export interface CollectionSchema {
  /** Root map name, e.g. 'contacts'; for singletons the record itself ('account', 'plan'). */
  collection: string;
  en: string;
  zh: string;
  document: DocumentKind;
  /** One record per document (its id is the collection name); create/remove do not apply. */
  singleton: boolean;
  fields: FieldSchema[];
}

/** The core's runtime schema. */
export interface Schema {
  /** Schema version this core writes (accord::model::kSchemaVersion). */
  version: number;
  /** The core's version string. */
  coreVersion: string;
  collections: CollectionSchema[];
  /** Every vocabulary by name (including 'strategy' of tiering and 'follow_up_state'). */
  enums: Record<string, EnumSchema>;
}

// ---------------------------------------------------------------------------------- records

/** A field value as stored: enum codes, id strings, arrays for sets, strings for text. */
export type FieldValue = string | number | boolean | string[];

/**
 * A record: "id" plus every field that is set (unset fields are absent, never defaulted).
 * Keys unknown to this client (written by a newer one) are included as stored.
 */
export interface RecordData {
  id: string;
  [key: string]: FieldValue | undefined;
}

/** Field values to write: `null` unsets a field; a set field becomes exactly the array given. */
export type FieldPatch = Record<string, FieldValue | null>;

/** The document of a collection: null for the team index, else the account id. */
export type Scope = string | null;

/** One change of one field, from the per-field history (accord::model::Change). */
export interface Change {
  /** Record path, "contacts/<id>" (or "account" for the singleton). */
  record: string;
  /** Field key; "*" for the creation of the record; "<field>:<member>" for a set member. */
  field: string;
  user: string;
  device: string;
  /** Unix milliseconds (the editing device's clock). */
  at: number;
  /** Before / after (undefined: absent, unknown, or a text edit). */
  oldValue?: FieldValue;
  newValue?: FieldValue;
}

// ---------------------------------------------------------------------------------- analytics

/** A reason that lowered a power-map score. */
export interface HealthReason {
  code: string; // e.g. 'unknown_role', 'no_coach'
  points: number; // negative
  message: string; // English; translate by code
  subject: string; // role code or contact id, or ""
}

/** accord::analytics::PowerMapHealth. */
export interface PowerMapHealth {
  score: number; // 0..100
  roles: { role: string; contacts: string[] }[];
  unknownRoles: string[];
  supportBalance: number; // -2..2
  contactsWithStance: number;
  highInfluenceOpponents: string[];
  engaged: string[];
  singleThreaded: boolean;
  coaches: string[];
  executiveAccess: boolean;
  zipper: { level: string; contacts: number; covered: number }[];
  staleContacts: string[];
  reasons: HealthReason[];
}

/** accord::analytics::FollowUpReport (dates are "YYYY-MM-DD"). */
export interface FollowUps {
  accounts: {
    accountId: string;
    name: string;
    owner: string;
    tier?: string;
    cadenceDays: number;
    lastTouch?: string;
    due: string;
    daysOverdue: number;
    state: 'ok' | 'due' | 'overdue';
  }[];
  nextSteps: {
    accountId: string;
    visitId: string;
    rep: string;
    nextStep: string;
    due: string;
    daysOverdue: number;
  }[];
  perRep: { rep: string; due: number; overdue: number; nextStepsOverdue: number }[];
  team: { rep: string; due: number; overdue: number; nextStepsOverdue: number };
}

/** accord::analytics::ManagerDigest. */
export interface Digest {
  pendingReviews: {
    accountId: string;
    visitId: string;
    rep: string;
    at: number;
    daysWaiting: number;
  }[];
  losingGround: {
    accountId: string;
    record: string;
    field: string;
    fromCode: string;
    toCode: string;
    at: number;
    user: string;
  }[];
  overdueActions: {
    accountId: string;
    actionId: string;
    task: string;
    owner: string;
    due: string;
    daysOverdue: number;
  }[];
}

/** A period [from, to) of calendar days, "YYYY-MM-DD" (UTC). */
export interface Period {
  from: string;
  to: string;
}

/** accord::analytics::FunnelReport (rates are 0..1, null when nothing to divide). */
export interface Funnel {
  stages: { stage: string; atStart: number; entered: number; atEnd: number }[];
  conversions: {
    from: string;
    to: string;
    passedThrough: number;
    converted: number;
    rate: number | null;
  }[];
  lost: number;
  visits: {
    withResult: number;
    reached: number;
    appointments: number;
    meetings: number;
    closed: number;
    effectiveCallRate: number | null;
    appointmentRate: number | null;
    meetingSuccessRate: number | null;
    closeRate: number | null;
  };
  vipConversion: number | null;
  vipLoyalty: number | null;
}

/** accord::analytics::TieringReport. */
export interface Tiering {
  placed: {
    accountId: string;
    name: string;
    attractiveness: string; // grade code
    relationship: string; // relationship_strength code
    strategy: string; // 'strategy' vocabulary code
    tier?: string;
    revenue: number;
  }[];
  unplaced: string[];
  totalRevenue: number;
  accountsWithRevenue: number;
  topAccounts: string[];
  topAccountShare: number;
  topRevenueShare: number;
}

// ---------------------------------------------------------------------------------- session

/** The team role of the signed-in user (viewers cannot write: mutations reject). */
export type Role = 'owner' | 'member' | 'viewer';

/** Who is signed in. */
export interface Session {
  user: string;
  team: string;
  role: Role;
  /** The server this session syncs with. */
  serverUrl: string;
}

/**
 * Sync state:
 * - connecting: opening the socket (first time or after a drop; backoff in between)
 * - syncing: connected, documents catching up or local changes not yet acknowledged
 * - synced: connected and everything local is acknowledged by the server
 * - offline: no network (navigator.onLine false) or the server is unreachable; edits are kept
 * - refused: the server refused the credentials or a write (sign in again / read-only)
 * - upgrade-required: the server needs a newer client (reload to update)
 * - other-tab: another tab of this browser owns the local store; this tab does nothing
 */
export type SyncState =
  | 'connecting'
  | 'syncing'
  | 'synced'
  | 'offline'
  | 'refused'
  | 'upgrade-required'
  | 'other-tab';

/** What onStatus reports. */
export interface Status {
  online: boolean;
  /** Local updates the server has not acknowledged yet (over all documents). */
  pendingChanges: number;
  /** Unix ms of the last moment everything was acknowledged, or null. */
  lastSyncedAt: number | null;
  state: SyncState;
  /** navigator.storage.persisted(): the browser will not evict the store under pressure. */
  persisted: boolean;
  /** Where the store lives: 'opfs' (durable) or 'memory' (lost on reload: OPFS unavailable). */
  storage: 'opfs' | 'memory';
  /** A human-readable detail for refused / upgrade-required / offline, else "". */
  detail: string;
}

/** What changed: the UI re-reads what it shows from that document. */
export interface ChangeEvent {
  document: DocumentKind;
  /** The account id for account and visit-log documents, null for the team index. */
  account: Scope;
  /** True when the change came from another device (through the server). */
  remote: boolean;
}

/** Where a user is: which account (and contact on its power map) they look at. */
export interface PresenceState {
  account: string | null;
  contact: string | null;
}

/** Another user's presence (this tab excluded). */
export interface Peer extends PresenceState {
  /** Awareness client id (one per tab). */
  clientId: number;
  user: string;
}

// ---------------------------------------------------------------------------------- client

export type Unsubscribe = () => void;

export interface AccordClient {
  // ---- session
  /**
   * Signs in with the server's login API (POST <serverUrl>/api/login), keeps the token in the
   * local store (so a reload signs in again offline), opens the team's documents and starts
   * syncing. Rejects with 'permission_denied' on a wrong password, 'unavailable' when the
   * server cannot be reached. `serverUrl` is the http(s) origin, e.g. location.origin.
   */
  signIn(serverUrl: string, user: string, password: string): Promise<Session>;
  /** Revokes the token (when online), stops syncing and forgets the session. Local data stays. */
  signOut(): Promise<void>;
  /** The current session (restored from the store after a reload), or null. */
  session(): Promise<Session | null>;

  // ---- schema
  /** The core's runtime schema (constant for a build; cache it). */
  schema(): Promise<Schema>;

  // ---- records
  /**
   * The live records of a collection (archived ones too when asked), sorted by id (creation
   * time). For the team index `accounts` this is the account list with name, tier,
   * classification and owner. For a singleton, one record.
   */
  list(
    collection: string,
    scope: Scope,
    options?: { includeArchived?: boolean },
  ): Promise<RecordData[]>;
  /** One record, or null when there is none with that id. */
  get(collection: string, id: string, scope: Scope): Promise<RecordData | null>;
  /**
   * Creates a record with `fields` (validated like update; all or nothing) and returns it.
   * `create('accounts', null, {name, ...})` creates a new account: its document, its visit
   * log and its entry in the team's account list; the result's id is the account id.
   */
  create(collection: string, scope: Scope, fields: FieldPatch): Promise<RecordData>;
  /**
   * Sets some fields of a record (the others are untouched) in one transaction and returns the
   * record. Rejects with {code: 'invalid_argument', field, message} on the first invalid value;
   * nothing is written then. A text field given here is replaced by diff (only the changed
   * middle is rewritten). Changing the account record refreshes its team list entry.
   */
  update(collection: string, id: string, scope: Scope, fields: FieldPatch): Promise<RecordData>;
  /** Archives a record (records are never deleted, so a concurrent edit is not lost). */
  remove(collection: string, id: string, scope: Scope): Promise<void>;
  /**
   * Edits a text field in place (co-editing): deletes `deleteCount` UTF-16 units at `index`,
   * then inserts `insert` there. Returns the new text.
   */
  editText(
    collection: string,
    id: string,
    scope: Scope,
    field: string,
    index: number,
    deleteCount: number,
    insert: string,
  ): Promise<string>;
  /** Per-field history of a record, oldest first. */
  history(collection: string, id: string, scope: Scope): Promise<Change[]>;
  /**
   * The manager's review of a visit: marks it reviewed by the signed-in user now, with an
   * optional comment. Rejects with 'invalid_argument' when the visit does not exist.
   */
  reviewVisit(account: string, visitId: string, comment: string): Promise<RecordData>;

  // ---- exchange
  /** The account document (or the team index for null) in the core's JSON exchange format. */
  exportDocument(scope: Scope, options?: { includeSensitive?: boolean }): Promise<unknown>;
  /** Imports records in the exchange format, all or nothing; the counts of what it did. */
  importDocument(
    scope: Scope,
    data: unknown,
  ): Promise<{ created: number; updated: number; fieldsSet: number }>;

  // ---- analytics (computed by the core in the worker, now = the device clock)
  powerMapHealth(account: string): Promise<PowerMapHealth>;
  followUps(): Promise<FollowUps>;
  digest(): Promise<Digest>;
  funnel(period: Period): Promise<Funnel>;
  tiering(): Promise<Tiering>;

  // ---- subscriptions
  /** Called after every committed change, local or remote. */
  onChange(cb: (event: ChangeEvent) => void): Unsubscribe;
  /** Called with the current status right away, then whenever it changes. */
  onStatus(cb: (status: Status) => void): Unsubscribe;

  // ---- presence (awareness, relayed by the server; not stored)
  /** Announces where this user is (null account: nowhere). */
  setPresence(state: PresenceState): void;
  /** Called with the current peers right away, then whenever they change. */
  onPresence(cb: (peers: Peer[]) => void): Unsubscribe;
}
