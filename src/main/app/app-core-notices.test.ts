import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { MemorySecretStore } from '../secrets';
import { createAppCore } from './app-core';
import type { NotificationRequest } from './ports';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('tells the user natively and in the window when a damaged settings file was set aside', async () => {
  const configDir = mkdtempSync(path.join(tmpdir(), 'pulsebar-notice-'));
  dirs.push(configDir);
  writeFileSync(path.join(configDir, 'settings.json'), '{"version": 2, "accounts": [');
  const notifications: NotificationRequest[] = [];
  const shown: unknown[] = [];
  const core = createAppCore({
    configDir,
    secrets: new MemorySecretStore(),
    clock: new ManualClock(),
    demo: false,
    timers: false,
    ports: {
      notifier: { notify: (request, onClick) => (notifications.push(request), onClick()) },
      window: { show: (t) => shown.push(t ?? null), hide: () => undefined, setDetached: () => undefined },
    },
  });
  const pushed: unknown[] = [];
  core.subscribe((event, payload) => event === 'notice' && pushed.push(payload));
  await core.start();
  try {
    expect(notifications).toHaveLength(1);
    expect(notifications[0]!.body).toMatch(/set aside as .*settings\.corrupt-.*\.json.*defaults/i);
    expect(pushed).toEqual([notifications[0]!.body]);
    expect(shown).toEqual([null]); // clicking the notification opens the window
    expect(readdirSync(configDir).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
    const notices = await core.handlers['app:notices']();
    expect(notices).toEqual([notifications[0]!.body]);
  } finally {
    await core.stop();
  }
});
