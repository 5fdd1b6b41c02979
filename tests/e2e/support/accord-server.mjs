// Starts a real accord-server for an end-to-end test: a fresh data directory, a team and
// users made with `accord-server admin`, the built web client served with --web, on a free
// port of 127.0.0.1. The binary is $ACCORD_SERVER, else the first built one under build/.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

export function findServer(root) {
  const candidates = [
    process.env.ACCORD_SERVER,
    ...['asan', 'debug', 'release'].map((p) => path.join(root, 'build', p, 'sync-server', 'accord-server')),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`no accord-server binary (tried ${candidates.join(', ')}); build one or set ACCORD_SERVER`);
  return found;
}

/**
 * users: [{name, role}] members of team `team`. Returns {url, passwords, admin(...args), close(), kill()}.
 */
export async function startAccordServer({ root, webDir, team = 'e2e', users }) {
  const binary = findServer(root);
  const data = await mkdtemp(path.join(os.tmpdir(), 'accord-e2e-'));
  const admin = (...args) =>
    execFileSync(binary, ['admin', ...args, '--data', data], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  admin('create-team', team);
  const passwords = {};
  for (const u of users) {
    passwords[u.name] = admin('create-user', u.name).trim();
    admin('add-member', team, u.name, '--role', u.role);
  }
  const child = spawn(binary, ['--listen', '127.0.0.1:0', '--data', data, '--web', webDir, '--threads', '2'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const log = [];
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`accord-server did not start:\n${log.join('\n')}`)), 20000);
    child.on('exit', (code) => reject(new Error(`accord-server exited with ${code}:\n${log.join('\n')}`)));
    readline.createInterface({ input: child.stderr }).on('line', (line) => {
      log.push(line);
      if (log.length > 400) log.shift();
      try {
        const entry = JSON.parse(line);
        if (entry.event === 'listening') {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        // not a JSON line
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    team,
    passwords,
    log,
    /** Runs `accord-server admin <args>` on this server's data (e.g. create-token <user>). */
    admin,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}
