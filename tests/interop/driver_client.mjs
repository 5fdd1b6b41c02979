// The Node end of the C++ driver (tests/interop/driver_main.cc): one child
// process serves many requests, one JSON line each way. When the driver dies
// (an ASan report, an abort), the pending request fails with the exit status
// and the tail of its stderr, and the next request starts a fresh process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import readline from 'node:readline';

const STDERR_TAIL = 16000;

export class Driver {
  /** @param {string} binary path of accord_interop_driver */
  constructor(binary) {
    this.binary = binary;
    this.proc = null;
    this.pending = [];
    this.stderr = '';
    this.capabilities = new Set();
    this.version = null;
    this.crashes = 0;
  }

  static exists(binary) {
    return existsSync(binary);
  }

  /** Starts the process and reads its capabilities. */
  async start() {
    this.spawn();
    const hello = await this.request({ cmd: 'hello' });
    if (!hello.ok) throw new Error(`driver hello failed: ${hello.error}`);
    this.capabilities = new Set(hello.capabilities);
    this.version = hello.version;
    return this;
  }

  spawn() {
    this.stderr = '';
    const proc = spawn(this.binary, [], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ASAN_OPTIONS: process.env.ASAN_OPTIONS ?? 'detect_leaks=1:abort_on_error=1' },
    });
    this.proc = proc;
    readline.createInterface({ input: proc.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const waiter = this.pending.shift();
      if (!waiter) return;
      try {
        waiter.resolve(JSON.parse(line));
      } catch (e) {
        waiter.reject(new Error(`driver sent unparsable output: ${e.message}: ${line.slice(0, 200)}`));
      }
    });
    proc.stderr.on('data', (d) => {
      this.stderr = (this.stderr + d.toString()).slice(-STDERR_TAIL);
    });
    proc.stdin.on('error', () => {}); // EPIPE after a crash is reported through 'exit'
    proc.on('exit', (code, signal) => {
      if (this.proc === proc) this.proc = null;
      const err = new Error(`driver exited (code ${code}, signal ${signal})\n${this.stderr}`);
      err.crash = true;
      if (this.pending.length > 0) this.crashes++;
      for (const w of this.pending.splice(0)) w.reject(err);
    });
  }

  /** Sends one request; resolves with the parsed response. Restarts a dead process first. */
  request(obj) {
    if (!this.proc) this.spawn();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.proc.stdin.write(`${JSON.stringify(obj)}\n`);
    });
  }

  /** request(), with a crash turned into {ok: false, crash: true, error}. */
  async call(obj) {
    try {
      return await this.request(obj);
    } catch (e) {
      if (!e.crash) throw e;
      return { ok: false, crash: true, error: e.message };
    }
  }

  has(capability) {
    return this.capabilities.has(capability);
  }

  async close() {
    const proc = this.proc;
    if (!proc) return;
    this.proc = null;
    await new Promise((resolve) => {
      proc.on('exit', resolve);
      proc.stdin.end();
    });
  }
}
