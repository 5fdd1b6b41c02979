// Runs the power map benchmark in Debian's Chromium: builds bench/web (Vite), then for each
// size lays out and renders the map BENCH_WEB_RUNS times (default 7; the first run, which also
// loads elkjs, is reported apart) and prints medians with the anchor (same cards, positions
// known) side by side. Writes build/bench/web-powermap.json.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tests/e2e/support/browser.mjs';
import { startStaticServer } from '../../tests/e2e/support/static-server.mjs';

const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const runs = Number(process.env.BENCH_WEB_RUNS ?? 7);
const sizes = (process.env.BENCH_WEB_SIZES ?? '150,50').split(',').map(Number);

execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--config', 'bench/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const server = await startStaticServer(path.join(root, 'build', 'bench-web'));
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = { runs, results: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => window.benchReady === true);
  for (const size of sizes) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await page.evaluate((n) => window.runPowerMapBench(n), size));
    const [first, ...warm] = all;
    const row = {
      size,
      firstLayoutAndRenderMs: first.layoutAndRenderMs,
      layoutMs: median(warm.map((r) => r.layoutMs)),
      layoutAndRenderMs: median(warm.map((r) => r.layoutAndRenderMs)),
      anchorRenderMs: median(warm.map((r) => r.anchorRenderMs)),
    };
    row.ratioToAnchor = row.layoutAndRenderMs / row.anchorRenderMs;
    report.results.push(row);
    console.log(
      `${size} contacts: layout ${row.layoutMs.toFixed(1)} ms, layout + render ${row.layoutAndRenderMs.toFixed(1)} ms ` +
        `(first run, loading elkjs: ${row.firstLayoutAndRenderMs.toFixed(1)} ms); anchor render at known positions ` +
        `${row.anchorRenderMs.toFixed(1)} ms; ratio ${row.ratioToAnchor.toFixed(2)}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
await mkdir(path.join(root, 'build', 'bench'), { recursive: true });
await writeFile(path.join(root, 'build', 'bench', 'web-powermap.json'), JSON.stringify(report, null, 2) + '\n');
