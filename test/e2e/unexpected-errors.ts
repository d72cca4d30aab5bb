/**
 * "No unexpected error on screen": every spec is watched (an automatic fixture in fixtures.ts) for
 * - an error or alert element that becomes visible with text: role="alert", .error-text, an account's
 *   problem box (.account-problem), a failed connection test, an error notice, the fatal screen;
 * - a console error or an uncaught exception in the page.
 * Anything seen that the spec did not declare with `expectErrors(/…/)` fails the spec after it ran,
 * listing what was seen. A spec that injects a fault or types an invalid value declares the words it
 * expects; everything else must stay quiet.
 */
import type { Page, TestInfo } from '@playwright/test';

/** What counts as an error shown to the user. Alert-rule notices (.notice-alert) are news, not errors. */
export const ERROR_SELECTOR = [
  '[role="alert"]',
  '.error-text',
  '.account-problem',
  '.test-result.failed',
  '.notice-error',
  '.fatal',
].join(', ');

export interface ErrorWatch {
  /** Declares errors this spec provokes on purpose; each pattern is matched against what was seen. */
  expect(...patterns: RegExp[]): void;
  /** Everything seen so far that no declared pattern matches. */
  unexpected(): Promise<string[]>;
}

declare global {
  interface Window {
    /** Texts of error elements seen on screen, recorded by the observer below. */
    __pulsebarScreenErrors?: string[];
  }
}

/**
 * Runs in the page: records the text of every visible error element, whenever the DOM changes.
 * Idempotent, so it can be both an init script (browser) and evaluated into an open window (Electron).
 */
function observeScreenErrors(selector: string): void {
  if (window.__pulsebarScreenErrors) return;
  const seen: string[] = [];
  window.__pulsebarScreenErrors = seen;
  let queued = false;
  const scan = () => {
    queued = false;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const text = (el.innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
      if (!text || !el.checkVisibility()) continue;
      const entry = `on screen: ${text}`;
      if (!seen.includes(entry)) seen.push(entry);
    }
  };
  const start = () => {
    new MutationObserver(() => {
      if (queued) return;
      queued = true;
      queueMicrotask(scan);
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'role', 'hidden', 'style'] });
    scan();
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

/** Starts watching `page`; call before it navigates. */
export async function watchForErrors(page: Page): Promise<ErrorWatch> {
  const expected: RegExp[] = [];
  const fromConsole: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    fromConsole.push(`console error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => fromConsole.push(`uncaught in page: ${err.message}`));
  await page.addInitScript(observeScreenErrors, ERROR_SELECTOR);
  // An already open window (Electron's) gets the observer now; a blank page gets it on navigation.
  await page.evaluate(observeScreenErrors, ERROR_SELECTOR).catch(() => {});
  return {
    expect(...patterns) {
      expected.push(...patterns);
    },
    async unexpected() {
      const onScreen = page.isClosed() ? [] : await page.evaluate(() => window.__pulsebarScreenErrors ?? []).catch(() => []);
      return [...onScreen, ...fromConsole].filter((text) => !expected.some((p) => p.test(text)));
    },
  };
}

/** After the spec: fails it (without hiding an earlier failure) if anything unexpected was seen. */
export async function failOnUnexpectedErrors(watch: ErrorWatch, testInfo: TestInfo): Promise<void> {
  const unexpected = await watch.unexpected();
  if (unexpected.length === 0) return;
  const report = `Unexpected errors (declare the ones this spec provokes with expectErrors(/…/)):\n  ${unexpected.join('\n  ')}`;
  await testInfo.attach('unexpected-errors', { body: report, contentType: 'text/plain' });
  // A spec that already failed keeps its own failure first; the list is attached to it.
  if (testInfo.status === 'passed') throw new Error(report);
}
