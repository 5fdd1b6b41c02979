/**
 * The sync session's transport and timers over a WebSocket (the browser's, or `ws` in Node
 * tests): the host object of the core's sessionCreate (wasm/src/bindings_sync.cc). Socket
 * events reach the session asynchronously (never from inside open/send/close), as its contract
 * requires; a socket that was replaced or closed by the session reports nothing more.
 */
import type { AccordCore, SessionHost } from '../../../wasm/js/accord.mjs';

/** The subset of the WebSocket API used here. */
export interface SocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

/** What the connection reports besides feeding the session. */
export interface ConnectionEvents {
  /** The socket closed: its close code and reason (1006 when it never opened). */
  closed(code: number, reason: string): void;
  /** A message the session could not use (it closes the connection itself). */
  failed(message: string): void;
  /** After every message handled by the session. */
  message(): void;
  /** A document is synced / its outbox drained (deferred out of the core's call). */
  synced(name: string): void;
  acknowledged(name: string): void;
  /** The socket opened. */
  opened(): void;
}

const OPEN = 1;

export class Connection implements SessionHost {
  private socket: SocketLike | null = null;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** Bumped by open(): a close reported late must not hit a newer connection. */
  private generation = 0;
  session = 0;

  constructor(
    private readonly core: AccordCore,
    private readonly url: string,
    private readonly makeSocket: SocketFactory,
    private readonly events: ConnectionEvents,
  ) {}

  open(): void {
    this.generation++;
    const socket = this.makeSocket(this.url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.events.opened();
      this.core.sessionOnOpen(this.session);
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      const data = ev.data;
      if (!(data instanceof ArrayBuffer)) return;
      try {
        this.core.sessionOnMessage(this.session, new Uint8Array(data));
      } catch (e) {
        this.events.failed(e instanceof Error ? e.message : String(e));
      }
      this.events.message();
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.events.closed(ev.code, ev.reason);
      this.core.sessionOnClosed(this.session, ev.code, ev.reason);
    };
    socket.onerror = () => {};
  }

  send(message: Uint8Array): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(message);
  }

  close(): void {
    const socket = this.socket;
    if (!socket) return;
    this.socket = null;
    socket.close(1000, 'closed by the client');
    const generation = this.generation;
    queueMicrotask(() => {
      if (generation !== this.generation || !this.session) return;
      this.events.closed(1000, 'closed by the client');
      this.core.sessionOnClosed(this.session, 1000, 'closed by the client');
    });
  }

  now(): number {
    return performance.now();
  }

  schedule(delayMs: number, id: number): void {
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        if (!this.session) return;
        this.core.sessionFire(this.session, id);
        this.events.message(); // a timer may reconnect or drop peers that went silent
      }, delayMs),
    );
  }

  cancel(id: number): void {
    const timer = this.timers.get(id);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(id);
  }

  synced(name: string): void {
    queueMicrotask(() => this.events.synced(name));
  }

  acknowledged(name: string): void {
    queueMicrotask(() => this.events.acknowledged(name));
  }

  /** Forgets the session: cancels the timers and drops the socket without reporting. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    const socket = this.socket;
    this.socket = null;
    this.session = 0;
    socket?.close(1000, 'signed out');
  }

  get connected(): boolean {
    return this.socket !== null && this.socket.readyState === OPEN;
  }
}
