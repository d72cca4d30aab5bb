/**
 * Renderer benchmark, measured in Debian's Chromium through Playwright, at the tray-panel size (the
 * two-line list) and wide (the session table, SessionTable):
 *   - time to first render 10,000 sessions (target picked → first row of a 10,000-row list painted),
 *   - time per keystroke of search over them (LuaProt's list is filtered in the window),
 *   - frame time while scrolling the whole list.
 * The page is the built renderer (out/renderer); window.pulsebar is a bench stub that answers from
 * memory, so the figures are the window's own cost, not the network's. Figures are printed, never
 * asserted. Run alone with `tsx test/bench/render.bench.ts`, or through `npm run bench`.
 * Written for the node tsconfig (no DOM lib): page-side code is passed as strings.
 */
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRenderer } from '../../scripts/web-bridge-build.mjs';
import { defaultProviderRegistry } from '../../src/main/providers/registry';
import type { MonitorSnapshot, TargetLive } from '../../src/shared/ipc-contract';
import { liveTotals } from '../../src/shared/live-totals';

const SESSIONS = 10_000;
const CHROMIUM = process.env.PULSEBAR_CHROMIUM ?? '/usr/bin/chromium';
const ORIGIN = 'http://pulsebar.bench';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const SYLLABLES = ['dark', 'void', 'ninja', 'pro', 'blox', 'zen', 'frost', 'rex', 'lava', 'turbo', 'ghost', 'noob', 'sky', 'byte', 'nova', 'shadow'];

interface BenchSession {
  provider: 'luaprot';
  id: string;
  username: string;
  jobId: string;
  universeId: string;
  createdAt: number;
  extra: Record<string, unknown>;
}

/** Deterministic LuaProt-shaped sessions (a cheap LCG: same list every run). */
function makeSessions(count: number, salt: number): BenchSession[] {
  let x = 12345 + salt;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const now = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const name = `${SYLLABLES[Math.floor(next() * 16)]}${SYLLABLES[Math.floor(next() * 16)]}${Math.floor(next() * 100000)}`;
    return {
      provider: 'luaprot',
      id: String(10n ** 19n + BigInt(i * 7919 + salt)),
      username: name,
      jobId: `${Math.floor(next() * 1e8).toString(16)}-${i.toString(16)}`,
      universeId: String(1_000_000 + Math.floor(next() * 9_000_000)),
      createdAt: now - Math.floor(next() * 7_200_000),
      extra: {},
    };
  });
}

/** Same rule as the window's LuaProt filter (sessions-store.ts filterLocally), for the expected counts. */
function expectedCount(sessions: BenchSession[], text: string): number {
  const n = text.trim().toLowerCase();
  if (!n) return sessions.length;
  return sessions.filter((s) => s.id.includes(n) || s.username.toLowerCase().includes(n) || s.jobId.includes(n) || s.universeId.includes(n)).length;
}

/** The bench stub of window.pulsebar: one LuaProt account with two hubs of 10,000 sessions each. */
function stubScript(hubs: Record<string, BenchSession[]>): string {
  const targets: TargetLive[] = Object.keys(hubs).map((id, i) => ({ kind: 'hub', id, label: `Bench hub ${i + 1}`, count: SESSIONS, trend: 0, sparkline: [] }));
  // Typed as main's snapshot, so a field added later cannot leave the stub behind (it once lacked `live`).
  const total = SESSIONS * targets.length;
  const parts: Omit<MonitorSnapshot, 'live'> = {
    at: Date.UTC(2026, 0, 1),
    seq: 1,
    total,
    byProvider: { junkie: 0, luaprot: total, luaauth: 0 },
    accounts: [
      {
        account: { id: 'bench', label: 'Bench', provider: 'luaprot', baseUrl: 'http://bench', targets, hasKey: true, demo: true },
        status: { accountId: 'bench', state: 'ok', lastSuccessAt: null, lastAttemptAt: null, nextPollAt: null, error: null, explanation: null },
        total,
        targets,
      },
    ],
    alertsPausedUntil: null,
    demo: true,
    paused: false,
    keyStore: 'memory',
    glance: { since: 0, changes: [], alerts: [], demoInTotal: true, demoInProvider: { junkie: false, luaprot: true, luaauth: false } },
  };
  const snapshot: MonitorSnapshot = { ...parts, live: liveTotals(parts) };
  const caps = { message: 'text', disconnect: true, bulk: 'scope', scripts: false, search: 'local', paging: 'none' };
  return `(() => {
    const hubs = ${JSON.stringify(hubs)};
    const answers = {
      'app:snapshot': () => (${JSON.stringify(snapshot)}),
      'app:version': () => 'bench',
      'app:notices': () => [],
      'providers:list': () => (${JSON.stringify(defaultProviderRegistry.descriptors())}),
      'providers:capabilities': () => ({ junkie: ${JSON.stringify({ ...caps, message: false, disconnect: false, bulk: false })}, luaprot: ${JSON.stringify(caps)}, luaauth: ${JSON.stringify(caps)} }),
      'alerts:get': () => ({ rules: [], quietHours: { enabled: false, start: '22:00', end: '07:00' }, pausedUntil: null }),
      'alerts:log': () => [],
      'settings:get': () => ({ pollIntervalSeconds: { junkie: 30, luaprot: 60, luaauth: 30 }, notifications: true, launchAtLogin: false, theme: 'light', globalShortcut: null }),
      'monitor:history': () => [],
      'sessions:list': (q) => ({ sessions: hubs[q.targetId] || [] }),
    };
    window.pulsebar = {
      invoke: async (channel, request) => answers[channel] ? { ok: true, value: answers[channel](request) } : { ok: false, error: { kind: 'failed', message: 'bench stub: ' + channel } },
      on: () => () => {},
    };
  })();`;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export async function runRenderBench(): Promise<void> {
  const dir = await ensureRenderer({ quiet: true });
  const hubs = { hub1: makeSessions(SESSIONS, 1), hub2: makeSessions(SESSIONS, 2) };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const viewport of [
      { width: 420, height: 640 },
      { width: 1200, height: 800 },
    ]) {
    // Playwright's raf-polled waits evaluate strings, which the page's CSP (rightly) forbids; the bench
    // measures rendering, not the CSP, so it is bypassed here only.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = join(dir, path === '/' ? 'index.html' : path);
      await route.fulfill({ body: await readFile(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.addInitScript({ content: stubScript(hubs) });
    await page.goto(`${ORIGIN}/`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Sessions', exact: true }).click();
    await page.waitForFunction(`!!document.querySelector('[aria-label="Sessions, ${SESSIONS} shown"] [data-row="0"]')`, undefined, { polling: 'raf' });

    // 1. First render: switch between the two 10,000-row hubs; each switch is a fresh list.
    const picker = page.getByRole('combobox', { name: 'Target' });
    const renders: number[] = [];
    for (let i = 0; i < 6; i++) {
      const hub = i % 2 === 0 ? 'hub2' : 'hub1';
      const first = hubs[hub][0]!.username;
      const started = Date.now();
      await picker.selectOption({ index: hub === 'hub1' ? 0 : 1 });
      await page.waitForFunction(
        `(() => { const b = document.querySelector('[aria-label="Sessions, ${SESSIONS} shown"] [data-row="0"] .session-open'); return !!b && b.getAttribute('aria-label') === 'Open ${first}'; })()`,
        undefined,
        { polling: 'raf' },
      );
      renders.push(Date.now() - started);
    }

    // 2. Keystrokes into the local filter, each waited until the filtered list is on screen.
    const current = hubs.hub1;
    await picker.selectOption({ index: 0 });
    await page.waitForFunction(`!!document.querySelector('[aria-label="Sessions, ${SESSIONS} shown"]')`, undefined, { polling: 'raf' });
    const box = page.getByRole('searchbox', { name: 'Filter sessions' });
    await box.focus();
    const query = `${SYLLABLES[5]}${SYLLABLES[6]}`; // "zenfrost"
    const strokes: number[] = [];
    let typed = '';
    for (const ch of [...query, ...Array<string>(query.length).fill('Backspace')]) {
      typed = ch === 'Backspace' ? typed.slice(0, -1) : typed + ch;
      const want = expectedCount(current, typed);
      const started = Date.now();
      await page.keyboard.press(ch);
      await page.waitForFunction(`!!document.querySelector('[aria-label="Sessions, ${want} shown"]')`, undefined, { polling: 'raf' });
      strokes.push(Date.now() - started);
    }

    // 3. Scroll the whole list in 60 steps and time the frames in the page.
    const frames = (await page.evaluate(`(async () => {
      const el = document.querySelector('.session-scroller');
      const times = [];
      let last = performance.now();
      for (let i = 1; i <= 60; i++) {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * i / 60;
        await new Promise((r) => requestAnimationFrame(() => r()));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      return times;
    })()`)) as number[];

    const shape = viewport.width >= 1000 ? 'table' : 'list';
    console.log(`render bench (Chromium ${browser.version()}, ${SESSIONS.toLocaleString('en-US')} sessions, ${viewport.width}×${viewport.height}, ${shape}):`);
    console.log(`  first render of ${SESSIONS.toLocaleString('en-US')} sessions: median ${fmt(median(renders))} (runs: ${renders.join(', ')} ms)`);
    console.log(`  search keystroke → filtered list on screen: median ${fmt(median(strokes))}, max ${fmt(Math.max(...strokes))} over ${strokes.length} keystrokes ("${query}" typed then erased)`);
    console.log(`  scroll through all rows: median frame ${fmt(median(frames))}, worst ${fmt(Math.max(...frames))} over ${frames.length} steps`);
    console.log('  (times measured from Node include a Playwright round trip of a few ms)');
    await context.close();
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runRenderBench().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
