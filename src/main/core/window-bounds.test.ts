import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore, type WindowBounds } from '../settings';
import type { PulsebarCore } from './app-core';
import { startTestCore, useCleanups } from './core-test-support';

/*
 * Where the detached window was left: the host reports its bounds (core.windowMoved), the core stores
 * them as `window.bounds`, and hands them to the window port at the next detach and the next start.
 */

const cleanup = useCleanups();
const left: WindowBounds = { x: 1500, y: 120, width: 900, height: 700 };

interface SetupOptions {
  /** Written to settings.json before the core starts. */
  saved?: { detached: boolean; bounds?: WindowBounds };
  /** Runs before start(). */
  before?: (core: PulsebarCore) => void;
  /** What the window does when the port is called (from the start on). */
  onSetDetached?: (detached: boolean, core: PulsebarCore) => void;
}

async function setup(options: SetupOptions = {}) {
  let started: PulsebarCore | null = null;
  const logged: string[] = [];
  const detachedCalls: Array<[boolean, WindowBounds | undefined]> = [];
  const pushes: string[] = [];
  const t = await startTestCore({
    cleanup,
    dirPrefix: 'pulsebar-bounds-',
    log: (message) => void logged.push(message),
    ports: {
      notifier: { notify: () => undefined },
      window: {
        show: () => undefined,
        hide: () => undefined,
        setDetached: (detached, bounds) => {
          detachedCalls.push([detached, bounds]);
          if (started) options.onSetDetached?.(detached, started);
        },
      },
    },
    beforeStart: async ({ configDir, core }) => {
      if (options.saved) {
        const store = new SettingsStore({ dir: configDir });
        await store.load();
        await store.update({ window: options.saved });
      }
      options.before?.(core);
      started = core;
      core.subscribe((event) => {
        if (event === 'settings:changed' || event === 'alerts:changed') pushes.push(event);
      });
    },
  });
  const settingsFile = path.join(t.configDir, 'settings.json');
  /** What is on disk once every queued write is done (the core saves on stop). */
  const saved = async () => {
    await t.core.stop();
    const window = JSON.parse(readFileSync(settingsFile, 'utf8')).window;
    await t.core.start();
    return window as { detached: boolean; bounds?: WindowBounds };
  };
  return { ...t, detachedCalls, pushes, logged, settingsFile, saved };
}

/** Lets the core's deferred store update run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the detached window comes back where it was left', () => {
  it('a report is stored and given to the window at the next detach, without pushing settings:changed', async () => {
    const t = await setup();
    await t.call('window:detach', { detached: true });
    expect(t.detachedCalls).toEqual([[false, undefined], [true, undefined]]); // nothing known yet
    t.core.windowMoved(left);
    await settle();
    expect(t.pushes).toEqual([]);
    await t.call('window:detach', { detached: false });
    await t.call('window:detach', { detached: true });
    expect(t.detachedCalls.at(-1)).toEqual([true, left]);
    expect(await t.saved()).toEqual({ detached: true, bounds: left });
  });

  it('the last bounds, reported as the window is told to attach, are kept', async () => {
    const moved = { ...left, x: 40 };
    const t = await setup({
      saved: { detached: true, bounds: left },
      // As the Electron window does: a move not yet reported goes out before it becomes the panel.
      onSetDetached: (detached, core) => {
        if (!detached) core.windowMoved(moved);
      },
    });
    await t.call('window:detach', { detached: false });
    await settle();
    expect(await t.saved()).toEqual({ detached: false, bounds: moved });
    await t.call('window:detach', { detached: true });
    expect(t.detachedCalls.at(-1)).toEqual([true, moved]);
  });

  it('is applied at the next start, with the flag', async () => {
    const t = await setup();
    await t.call('window:detach', { detached: true });
    t.core.windowMoved(left);
    await settle();
    await t.core.stop();
    t.detachedCalls.length = 0;
    await t.core.start();
    expect(t.detachedCalls).toEqual([[true, left]]);
  });

  it('a restart reads what an earlier run saved', async () => {
    const t = await setup({ saved: { detached: true, bounds: left } });
    expect(t.detachedCalls).toEqual([[true, left]]);
  });

  it('detaching keeps the saved bounds, and the same report again writes nothing', async () => {
    const t = await setup({ saved: { detached: false, bounds: left } });
    await t.call('window:detach', { detached: true });
    expect((await t.saved()).bounds).toEqual(left);
    rmSync(t.settingsFile);
    t.core.windowMoved({ ...left }); // the window reports back the bounds it was given
    await settle();
    await t.core.stop();
    expect(existsSync(t.settingsFile)).toBe(false);
  });

  it('ignores what is not whole numbers with a positive size', async () => {
    const t = await setup({ saved: { detached: true, bounds: left } });
    for (const bad of [
      { ...left, x: 10.5 },
      { ...left, width: 0 },
      { ...left, height: -5 },
      { x: 1, y: 2 },
      { ...left, y: Number.NaN },
    ]) t.core.windowMoved(bad as WindowBounds);
    await settle();
    // Turned away before the store is asked (which would refuse them too, as an error).
    expect(t.logged.filter((line) => line.startsWith('window bounds'))).toEqual(Array(5).fill('window bounds ignored: not whole numbers with a positive size'));
    expect((await t.saved()).bounds).toEqual(left);
  });

  it('a report before the core started (settings not loaded yet) is dropped', async () => {
    const t = await setup({ before: (core) => core.windowMoved(left) });
    await settle();
    expect(t.detachedCalls).toEqual([[false, undefined]]);
    await t.core.stop();
    expect(existsSync(t.settingsFile)).toBe(false); // nothing was saved
  });
});
