import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountStatus, AccountView } from '../../shared/ipc-contract';
import { History } from '../history/history';
import { MonitorService } from '../core/monitor-service';
import { MAX_TARGET_NAMES, TARGET_NAMES_FILE, TargetNames } from './target-names';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'pulsebar-names-'));
  dirs.push(d);
  return d;
}

const HUB = '52851909642185303202';

describe('TargetNames', () => {
  it('keeps the names a key test returned, across a restart', async () => {
    const dir = await tempDir();
    const names = new TargetNames(dir);
    expect(names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'Phantom Hub V2', name: 'Phantom Hub V2' }])).toBe(true);
    // The same again is nothing new (no write).
    expect(names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'Phantom Hub V2', name: 'Phantom Hub V2' }])).toBe(false);
    await names.flush();
    const again = new TargetNames(dir);
    await again.load();
    expect(again.nameOf('luaprot', 'hub', HUB)).toBe('Phantom Hub V2');
    // Per provider and kind: the same id elsewhere is another thing.
    expect(again.nameOf('luaauth', 'hub', HUB)).toBeUndefined();
    expect(again.nameOf('luaprot', 'key', HUB)).toBeUndefined();
  });

  it('learns nothing from a label alone (it may be the user’s, or "Hub <id>")', () => {
    const names = new TargetNames();
    expect(names.learn('luaprot', [{ kind: 'hub', id: HUB, label: `Hub ${HUB}` }])).toBe(false);
    expect(names.nameOf('luaprot', 'hub', HUB)).toBeUndefined();
  });

  it('reads a broken file as no names and stays usable', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, TARGET_NAMES_FILE), '{"names": [ {"provider":');
    const names = new TargetNames(dir);
    await names.load();
    expect(names.nameOf('luaprot', 'hub', HUB)).toBeUndefined();
    names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'x', name: 'Eclipse Hub' }]);
    await names.flush();
    expect(JSON.parse(await readFile(path.join(dir, TARGET_NAMES_FILE), 'utf8')).names).toEqual([
      { provider: 'luaprot', kind: 'hub', id: HUB, name: 'Eclipse Hub' },
    ]);
  });

  it('forgets the oldest names beyond its cap', () => {
    const names = new TargetNames();
    names.learn('junkie', Array.from({ length: MAX_TARGET_NAMES + 1 }, (_, i) => ({ kind: 'script' as const, id: String(i), label: '', name: `S${i}` })));
    expect(names.nameOf('junkie', 'script', '0')).toBeUndefined();
    expect(names.nameOf('junkie', 'script', String(MAX_TARGET_NAMES))).toBe(`S${MAX_TARGET_NAMES}`);
  });
});

describe('target labels in the snapshot', () => {
  const status: AccountStatus = { accountId: 'acc', state: 'ok', lastSuccessAt: null, lastAttemptAt: null, nextPollAt: null, error: null, explanation: null };
  const account = (label?: string): AccountView => ({
    id: 'acc',
    label: 'Main',
    provider: 'luaprot',
    baseUrl: 'http://127.0.0.1:1',
    targets: [{ kind: 'hub', id: HUB, ...(label !== undefined ? { label } : {}) }],
    hasKey: true,
    demo: false,
  });
  function setup() {
    const names = new TargetNames();
    const monitor = new MonitorService({
      clock: new ManualClock(Date.UTC(2026, 0, 5, 12)),
      history: new History(),
      alerts: { evaluate: () => [], recent: () => [] },
      onCommit: () => undefined,
      alertsPausedUntil: () => null,
      demo: () => false,
      keyStore: () => 'memory',
      paused: () => false,
      learnedName: (p, k, id) => names.nameOf(p, k, id),
    });
    const hub = () => monitor.snapshot().accounts[0]!.targets[0]!;
    return { names, monitor, hub };
  }

  it('shows the name the key test gave instead of "Hub <id>", also after a poll that gives none', () => {
    const { names, monitor, hub } = setup();
    monitor.setAccounts([account()], () => status);
    expect(hub().label).toBe(`Hub ${HUB}`);
    names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'Phantom Hub V2', name: 'Phantom Hub V2' }]);
    monitor.namesLearned();
    expect(hub()).toMatchObject({ label: 'Phantom Hub V2', providerName: 'Phantom Hub V2' });
    // LuaProt's count names no hub: the poll says "Hub <id>", which never replaces a real name.
    monitor.accept({ accountId: 'acc', at: 1, targets: [{ kind: 'hub', id: HUB, label: `Hub ${HUB}`, count: 7 }], total: 7, complete: true });
    monitor.commit();
    expect(hub()).toMatchObject({ label: 'Phantom Hub V2', count: 7 });
    expect(hub().ownLabel).toBeUndefined();
  });

  it('the user’s own label wins; clearing it brings the provider’s name back', () => {
    const { names, monitor, hub } = setup();
    names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'Phantom Hub V2', name: 'Phantom Hub V2' }]);
    monitor.setAccounts([account('My best hub')], () => status);
    expect(hub()).toMatchObject({ label: 'My best hub', providerName: 'Phantom Hub V2', ownLabel: true });
    monitor.setAccounts([account()], () => status);
    expect(hub().label).toBe('Phantom Hub V2');
    expect(hub().ownLabel).toBeUndefined();
  });

  it('a poll that finishes after the label was cleared does not bring the old label back as the provider’s name', () => {
    const { names, monitor, hub } = setup();
    names.learn('luaprot', [{ kind: 'hub', id: HUB, label: 'Phantom Hub V2', name: 'Phantom Hub V2' }]);
    monitor.setAccounts([account('My best hub')], () => status);
    // Renamed back to nothing while a poll that still had the user's label was on its way.
    monitor.setAccounts([account()], () => status);
    monitor.accept({ accountId: 'acc', at: 1, targets: [{ kind: 'hub', id: HUB, label: 'My best hub', ownLabel: true, count: 3 }], total: 3, complete: true });
    monitor.commit();
    expect(hub()).toMatchObject({ label: 'Phantom Hub V2', providerName: 'Phantom Hub V2' });
  });

  it('keeps a name the poll gave (a LuaAuth script’s) but never takes the user’s label for one', () => {
    const { monitor, hub } = setup();
    monitor.setAccounts([account('Mine')], () => status);
    monitor.accept({ accountId: 'acc', at: 1, targets: [{ kind: 'hub', id: HUB, label: 'Mine', ownLabel: true, count: 1 }], total: 1, complete: true });
    monitor.commit();
    monitor.setAccounts([account()], () => status);
    expect(hub().label).toBe(`Hub ${HUB}`);
    monitor.accept({ accountId: 'acc', at: 2, targets: [{ kind: 'hub', id: HUB, label: 'Aurora Scripts', count: 1 }], total: 1, complete: true });
    monitor.commit();
    expect(hub()).toMatchObject({ label: 'Aurora Scripts', providerName: 'Aurora Scripts' });
  });
});
