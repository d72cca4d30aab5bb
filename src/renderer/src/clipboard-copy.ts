/**
 * Copies text for a copy button (session id, key, HWID, job id).
 *
 * The async Clipboard API first. In the web build (`npm run web`, e2e) the page is served from
 * 127.0.0.1 — a secure context — and Chromium lets a focused page write on a click without asking; the
 * CSP governs loading, not the clipboard. In Electron, main's security.ts grants the app's own page
 * `clipboard-sanitized-write` (what Chromium checks for navigator.clipboard.writeText) and refuses
 * every other permission. Should that ever be refused, the fallback below copies:
 * document.execCommand('copy') on a click needs no permission in Chromium. Not checked in Electron
 * itself (no binary on the machines this is built on).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyBySelection(text);
  }
}

function copyBySelection(text: string): boolean {
  const before = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  before?.focus({ preventScroll: true });
  return ok;
}
