/**
 * Copies text for a copy button (session id, key, HWID, job id).
 *
 * The async Clipboard API first. In the web build (`npm run web`, e2e) the page is served from
 * 127.0.0.1 — a secure context — and Chromium lets a focused page write on a click without asking; the
 * CSP governs loading, not the clipboard. In Electron, main's security.ts answers every permission
 * request and check with "no", and Chromium checks `clipboard-sanitized-write` for
 * navigator.clipboard.writeText, so there it is refused until main allows that one permission for the
 * app's own page (setPermissionCheckHandler and setPermissionRequestHandler). Until then the fallback
 * below copies: document.execCommand('copy') on a click needs no permission in Chromium. Not checked
 * in Electron itself (no binary on the machines this is built on).
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
