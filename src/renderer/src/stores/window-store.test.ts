import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeBridge } from '../test-support/fake-bridge';
import { useWindow } from './window-store';

const initial = useWindow.getState();
beforeEach(() => useWindow.setState(initial, true));

describe('window store', () => {
  it('holds the detached flag, changed only once main has detached the window', async () => {
    const bridge = installFakeBridge({ 'window:detach': undefined });
    expect(useWindow.getState().detached).toBe(false);
    await useWindow.getState().setDetached(true);
    expect(useWindow.getState().detached).toBe(true);
    expect(bridge.callsTo('window:detach')).toEqual([{ detached: true }]);
    bridge.handle('window:detach', { fail: { kind: 'failed', message: 'no window' } });
    await expect(useWindow.getState().setDetached(false)).rejects.toThrow();
    expect(useWindow.getState().detached).toBe(true);
  });

  it('learns from main whether the window is detached (a window left detached comes back so)', async () => {
    const bridge = installFakeBridge({ 'window:state': { detached: true } });
    await useWindow.getState().load();
    expect(useWindow.getState().detached).toBe(true);
    bridge.handle('window:state', { detached: false });
    await useWindow.getState().load();
    expect(useWindow.getState().detached).toBe(false);
  });
});
