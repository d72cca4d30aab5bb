import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { startTestCore, useCleanups } from './core-test-support';
import type { NotificationRequest } from './ports';

const cleanup = useCleanups();

it('tells the user natively and in the window when a damaged settings file was set aside', async () => {
  const notifications: NotificationRequest[] = [];
  const shown: unknown[] = [];
  const pushed: unknown[] = [];
  const { configDir, core } = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-notice-',
    ports: {
      notifier: { notify: (request, onClick) => (notifications.push(request), onClick()) },
      window: { show: (t) => shown.push(t ?? null), hide: () => undefined, setDetached: () => undefined },
    },
    beforeStart: ({ configDir, core }) => {
      writeFileSync(path.join(configDir, 'settings.json'), '{"version": 2, "accounts": [');
      core.subscribe((event, payload) => event === 'notice' && pushed.push(payload));
    },
  });
  expect(notifications).toHaveLength(1);
  expect(notifications[0]!.body).toMatch(/set aside as .*settings\.corrupt-.*\.json.*defaults/i);
  expect(pushed).toEqual([notifications[0]!.body]);
  expect(shown).toEqual([null]); // clicking the notification opens the window
  expect(readdirSync(configDir).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
  const notices = await core.handlers['app:notices']();
  expect(notices).toEqual([notifications[0]!.body]);
});
