import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectronFake, type ElectronFake } from './electron-fake';
import { createNotifier } from './notifier';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectronFake();
});

describe('notifier', () => {
  it('shows a native notification and runs onClick when it is clicked', () => {
    const onClick = vi.fn();
    createNotifier().notify({ title: 'Spike on Junkie', body: '120 sessions', silent: true }, onClick);
    const [shown] = fake.notifications;
    expect(shown?.options).toEqual({ title: 'Spike on Junkie', body: '120 sessions', silent: true });
    expect(shown?.show).toHaveBeenCalledTimes(1);
    expect(onClick).not.toHaveBeenCalled();
    shown!.emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('makes a sound unless asked not to', () => {
    createNotifier().notify({ title: 't', body: 'b' }, () => {});
    expect(fake.notifications[0]?.options.silent).toBe(false);
  });

  it('does nothing where notifications are not supported', () => {
    fake.notificationsSupported.value = false;
    createNotifier().notify({ title: 't', body: 'b' }, () => {});
    expect(fake.notifications).toHaveLength(0);
  });
});
