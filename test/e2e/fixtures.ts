/**
 * Shared fixtures for the window specs. In the `chromium` project the page is the built renderer
 * served by the browser bridge, and each test starts from a fresh core (POST /__test/reset). In the
 * `electron` project the page is the real app's panel window, launched with a fresh user-data dir;
 * specs that need the bridge's recorders (notifications, window calls) are skipped there, with the reason.
 */
import { _electron, expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENT_CHANNELS, type RequestChannel, type RequestOf, type ResponseOf } from '../../src/shared/ipc-contract';
import type { ProviderId } from '../../src/shared/model';
import { failOnUnexpectedErrors, watchForErrors, type ErrorWatch } from './unexpected-errors';

export { expect };

export interface Hooks {
  /** True when the bridge's /__test recorders exist (chromium project). */
  available: boolean;
  require(): void;
  notifications(): Promise<Array<{ title: string; body: string; target?: { accountId: string; targetId?: string } }>>;
  windowCalls(): Promise<{ hide: number; show: number; detached: boolean }>;
  info(): Promise<{ configDir: string; secrets: 'keychain' | 'memory'; keychainService: string }>;
}

function hooksFor(request: APIRequestContext, available: boolean): Hooks {
  const get = async <T>(path: string): Promise<T> => {
    const res = await request.get(path);
    expect(res.ok(), `${path} answered ${res.status()}`).toBe(true);
    return (await res.json()) as T;
  };
  return {
    available,
    require() {
      base.skip(!available, 'needs the browser bridge test recorders (/__test/...), which the Electron app does not have');
    },
    notifications: () => get('/__test/notifications'),
    windowCalls: () => get('/__test/window'),
    info: () => get('/__test/info'),
  };
}

/** The bridge's per-run token (playwright.config.ts sets it for the bridge and the workers). */
const BRIDGE_TOKEN = process.env.PULSEBAR_BRIDGE_TOKEN ?? '';

export const test = base.extend<{ hooks: Hooks; app: Page; errorWatch: ErrorWatch; expectErrors: ErrorWatch['expect'] }>({
  // Test hooks and other direct calls to the bridge send its token as a header; the page has its cookie.
  request: async ({ playwright, baseURL }, use) => {
    const context = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-pulsebar-token': BRIDGE_TOKEN } });
    await use(context);
    await context.dispose();
  },
  page: async ({ page }, use, testInfo) => {
    if (testInfo.project.name !== 'electron') return use(page);
    const userData = await mkdtemp(join(tmpdir(), 'pulsebar-e2e-electron-'));
    const electronApp = await _electron.launch({
      args: [resolve('out/main/index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const window = await electronApp.firstWindow();
    await use(window);
    await electronApp.close();
    await rm(userData, { recursive: true, force: true });
  },
  hooks: async ({ request }, use, testInfo) => {
    const available = testInfo.project.name !== 'electron';
    if (available) {
      const res = await request.post('/__test/reset');
      expect(res.ok(), 'bridge reset').toBe(true);
    }
    await use(hooksFor(request, available));
  },
  // On every spec (auto): fails it if an error shows on screen or in the console that it did not declare.
  errorWatch: [
    async ({ page }, use, testInfo) => {
      const watch = await watchForErrors(page);
      await use(watch);
      await failOnUnexpectedErrors(watch, testInfo);
    },
    { auto: true },
  ],
  /** Declares the errors a spec provokes on purpose: `expectErrors(/HTTP 502/)`. */
  expectErrors: async ({ errorWatch }, use) => use((...patterns) => errorWatch.expect(...patterns)),
  // The opened window, after a fresh core: every spec starts here.
  app: async ({ page, hooks, errorWatch }, use, testInfo) => {
    void hooks;
    void errorWatch;
    // The URL the bridge prints: the token is traded for a cookie and the page lands on "/".
    if (testInfo.project.name !== 'electron') await page.goto(`/?token=${BRIDGE_TOKEN}`);
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible();
    await use(page);
  },
});

/** Calls main through the page's own window.pulsebar, exactly as the renderer does. */
export async function ipc<C extends RequestChannel>(page: Page, channel: C, request?: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await page.evaluate(
    ([c, r]) => (window.pulsebar!.invoke as (c: string, r?: unknown) => Promise<unknown>)(c, r),
    [channel, request] as const,
  );
  const r = result as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel} failed: ${r.error?.message}`);
  return r.value as ResponseOf<C>;
}

/** Makes sure demo mode is on (a first run starts in it), switching it on from Accounts if not, and waits for live numbers. */
export async function startDemo(page: Page): Promise<void> {
  await nav(page, 'Accounts').click();
  const toggle = page.getByRole('switch', { name: 'Demo mode' });
  // Enabled once the window knows whether demo is on; read before that, the switch could be turned off by mistake.
  await expect(toggle).toBeEnabled();
  if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await nav(page, 'Overview').click();
  await expect(page.getByLabel('Live total', { exact: true })).toHaveText(/^[1-9][\d,]*$/, { timeout: 30_000 });
}

export interface DemoWorld {
  /** http://127.0.0.1:PORT of the in-process simulator behind demo mode. */
  origin: string;
  accounts: Record<ProviderId, { id: string; label: string; baseUrl: string; targets: Array<{ kind: string; id: string }> }>;
}

/** Where the demo simulator runs, read from the demo accounts' base URLs. */
export async function demoWorld(page: Page): Promise<DemoWorld> {
  const accounts = await ipc(page, 'accounts:list');
  const byProvider = {} as DemoWorld['accounts'];
  for (const a of accounts.filter((x) => x.demo)) byProvider[a.provider] = a;
  const any = accounts.find((a) => a.demo);
  if (!any) throw new Error('demo mode is not on');
  return { origin: new URL(any.baseUrl).origin, accounts: byProvider };
}

/** The simulator's HTTP control (/__control/...): faults, populations, client behaviour. */
export async function control(request: APIRequestContext, world: DemoWorld, action: string, body?: unknown): Promise<unknown> {
  const url = `${world.origin}/__control/${action}`;
  const res = body === undefined ? await request.get(url) : await request.post(url, { data: body });
  expect(res.ok(), `${action}: ${await res.text()}`).toBe(true);
  return res.json();
}

/** Lets polls run fast enough for a test (the core still holds each provider's budget). */
export async function fastPolling(page: Page): Promise<void> {
  await ipc(page, 'settings:update', { pollIntervalSeconds: { junkie: 5, luaprot: 10, luaauth: 5 } });
}

/** Records every push event the page receives (each channel of the contract), to check that no key ever travels in one. */
export async function recordPushEvents(page: Page): Promise<void> {
  await page.evaluate((events) => {
    window.__pulsebarEvents = [];
    for (const e of events) {
      window.pulsebar!.on(e, (payload: unknown) => window.__pulsebarEvents!.push(JSON.stringify({ e, payload })));
    }
  }, EVENT_CHANNELS);
}

export const SCREENSHOTS = resolve('docs/screenshots');

/** A view in the nav bar (exact, so "Sessions" never matches a card's "open sessions"). */
export const nav = (page: Page, name: 'Overview' | 'Insights' | 'Sessions' | 'Scripts' | 'Alerts' | 'Accounts' | 'Settings') =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name, exact: true });
