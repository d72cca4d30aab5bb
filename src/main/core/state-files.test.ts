import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { loadHistory } from '../history/history-file';
import { RulesAlertEngine } from '../alerts/alert-engine';
import { startTestCore, tempConfigDir, useCleanups } from './core-test-support';
import type { NotificationRequest } from './ports';

/*
 * Issue 8 item 5, the state files beside settings.json: alerts.json garbled was overwritten by the
 * next save, a newer Pulsebar's state was silently discarded, and crash leftovers
 * (alerts.json.<n>, history.json.<n>) were never removed.
 */

const cleanup = useCleanups();

function engine(file: string): RulesAlertEngine {
  return new RulesAlertEngine({ rules: () => [], accounts: () => [], quietHours: () => undefined, pausedUntil: () => null, file });
}

const event = {
  id: 'e1',
  ruleId: 'r1',
  kind: 'threshold',
  scope: { type: 'total' },
  subject: 'All accounts',
  at: Date.UTC(2026, 0, 1),
  value: 120,
  reference: 100,
  message: 'Users rose above 100',
  silenced: false,
};

it('sets a garbled alerts.json aside (not overwritten by the next save) and says where', async () => {
  const dir = tempConfigDir('pulsebar-alerts-', cleanup);
  const file = path.join(dir, 'alerts.json');
  writeFileSync(file, '{"log": [ {"id": "e1"');
  const alerts = engine(file);
  const notice = await alerts.load();
  expect(notice).toMatch(/The alert log was damaged .* set aside as .*alerts\.corrupt-.*\.json; alerts start with an empty log\./);
  const aside = readdirSync(dir).find((f) => f.startsWith('alerts.corrupt-'))!;
  expect(notice).toContain(path.join(dir, aside));
  await alerts.save();
  expect(readFileSync(path.join(dir, aside), 'utf8')).toBe('{"log": [ {"id": "e1"');
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ log: [] });
});

it('sets alert state from a newer Pulsebar aside and says so, keeping the readable log', async () => {
  const dir = tempConfigDir('pulsebar-alerts-', cleanup);
  const file = path.join(dir, 'alerts.json');
  const newer = JSON.stringify({ log: [event], state: { version: 2, rules: { r1: { armed: false } }, future: true } });
  writeFileSync(file, newer);
  const alerts = engine(file);
  const notice = await alerts.load();
  expect(notice).toMatch(/written by a newer version of Pulsebar \(version 2\); it was set aside as .*alerts\.newer-.*\.json/);
  expect(alerts.engineState.version).toBe(1);
  expect(alerts.engineState.rules).toEqual({});
  expect(alerts.recent().map((e) => e.id)).toEqual(['e1']);
  const aside = readdirSync(dir).find((f) => f.startsWith('alerts.newer-'))!;
  await alerts.save();
  expect(readFileSync(path.join(dir, aside), 'utf8')).toBe(newer);
});

it('reads alerts.json with a UTF-8 byte order mark', async () => {
  const dir = tempConfigDir('pulsebar-alerts-', cleanup);
  const file = path.join(dir, 'alerts.json');
  writeFileSync(file, `\uFEFF${JSON.stringify({ log: [event], state: { version: 1, rules: {}, highs: {} } })}`);
  const alerts = engine(file);
  expect(await alerts.load()).toBeNull();
  expect(alerts.recent().map((e) => e.id)).toEqual(['e1']);
});

it('sets history from a newer Pulsebar aside and says it is newer, not "unreadable"', async () => {
  const dir = tempConfigDir('pulsebar-history-', cleanup);
  const file = path.join(dir, 'history.json');
  const body = gzipSync(JSON.stringify({ format: 'pulsebar-history', version: 2, series: {} }));
  writeFileSync(file, body);
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const loaded = await loadHistory(file, { clock });
  expect(loaded.notice).toMatch(/History was written by a newer version of Pulsebar \(format 2\); it was set aside as .*history\.json\.corrupt-\d+ and history starts empty here/);
  expect(loaded.setAsidePath).toBe(`${file}.corrupt-${clock.now()}`);
  expect(readFileSync(loaded.setAsidePath!)).toEqual(body);
});

it('removes crash leftovers of history.json and alerts.json at start, keeping ones another process may be writing', async () => {
  const notifications: NotificationRequest[] = [];
  const old = new Date(Date.now() - 10 * 60_000);
  const { configDir } = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-leftovers-',
    ports: { notifier: { notify: (request) => notifications.push(request) } },
    beforeStart: ({ configDir }) => {
      for (const name of ['history.json.1234567', 'alerts.json.7654321']) {
        writeFileSync(path.join(configDir, name), '{"half');
        utimesSync(path.join(configDir, name), old, old);
      }
      writeFileSync(path.join(configDir, 'alerts.json.42'), '{"fresh'); // mid-write elsewhere: kept
    },
  });
  const names = readdirSync(configDir);
  expect(names).not.toContain('history.json.1234567');
  expect(names).not.toContain('alerts.json.7654321');
  expect(names).toContain('alerts.json.42');
  expect(notifications).toEqual([]);
});
