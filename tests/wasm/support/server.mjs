// A real accord-server for the Node tests of the wasm core: started on 127.0.0.1 with an
// ephemeral port and a fresh data directory, with teams and users made by its own
// `accord-server admin` commands. The binary: $ACCORD_SERVER, else the first of the asan,
// debug and release builds that exists (scripts/test.sh builds asan before this suite).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(import.meta.url), '../../../..');

export function serverBinary() {
  const candidates = [
    process.env.ACCORD_SERVER,
    ...['asan', 'debug', 'release'].map((p) => path.join(root, 'build', p, 'sync-server', 'accord-server')),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(`no accord-server binary (build one, or set ACCORD_SERVER); tried ${candidates.join(', ')}`);
  }
  return found;
}

const env = { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' };

/** Starts the server; options.web: a directory it serves as the web client. */
export async function startServer(options = {}) {
  const binary = serverBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-wasm-test-'));
  const data = path.join(dir, 'data');
  const admin = (...args) => execFileSync(binary, ['admin', ...args, '--data', data], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const args = ['--listen', '127.0.0.1:0', '--data', data, '--threads', '2'];
  if (options.web) args.push('--web', options.web);
  const child = spawn(binary, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`accord-server did not start:\n${log}`)), 30000);
    const onData = (chunk) => {
      log += chunk;
      const line = log.split('\n').find((l) => l.includes('"listening"'));
      const match = line?.match(/"port":\s*(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`accord-server exited with ${code}:\n${log}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    /** Creates a team (if needed) and a user with a role in it. */
    addUser(team, user, password, role) {
      try {
        admin('create-team', team);
      } catch {
        // exists already
      }
      execFileSync(binary, ['admin', 'create-user', user, '--password-stdin', '--data', data], {
        env,
        input: `${password}\n`,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      admin('add-member', team, user, '--role', role);
    },
    log: () => log,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
