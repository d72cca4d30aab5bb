import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrayModel } from '../core/ports';
import { resetElectronFake, type ElectronFake, type FakeNativeImage, type FakeTray } from './electron-fake';
import { createTray } from './tray';

vi.mock('electron', () => import('./electron-fake').then((m) => m.electronModule));

let fake: ElectronFake;
beforeEach(() => {
  fake = resetElectronFake();
});

const model = (over: Partial<TrayModel> = {}): TrayModel => ({
  icon: 'normal',
  tooltip: 'Pulsebar — 42 sessions',
  title: '42',
  menu: [
    { id: 'open', label: 'Open Pulsebar', command: { type: 'open' } },
    { id: 'sep', label: '', type: 'separator' },
    { id: 'pause', label: 'Pause polling', type: 'checkbox', checked: true },
    { id: 'accounts', label: 'Accounts', submenu: [{ id: 'a1', label: 'Main', enabled: false, command: { type: 'show', series: { type: 'account', accountId: 'a1' } } }] },
  ],
  ...over,
});

function tray(platform: NodeJS.Platform = 'linux') {
  const onClick = vi.fn();
  const onMenu = vi.fn();
  const port = createTray({ onClick, onMenu, platform });
  return { port, tray: port.tray as unknown as FakeTray, onClick, onMenu };
}

describe('tray', () => {
  it('starts with the normal icon and the app name as tooltip', () => {
    const { tray: t } = tray();
    const image = t.image as unknown as FakeNativeImage;
    expect(image.scaleFactor).toBe(1);
    expect(image.addRepresentation).toHaveBeenCalledWith(expect.objectContaining({ scaleFactor: 2 }));
    expect(t.setToolTip).toHaveBeenCalledWith('Pulsebar');
  });

  it('changes the icon only when the state changes, reusing each state image', () => {
    const { port, tray: t } = tray();
    port.update(model());
    expect(t.setImage).not.toHaveBeenCalled();
    port.update(model({ icon: 'alert' }));
    port.update(model({ icon: 'alert' }));
    expect(t.setImage).toHaveBeenCalledTimes(1);
    const alert = t.setImage.mock.calls[0]![0] as unknown as FakeNativeImage;
    expect(alert.buffer.equals((t.image as unknown as FakeNativeImage).buffer)).toBe(false);
    port.update(model({ icon: 'error' }));
    port.update(model({ icon: 'alert' }));
    expect(t.setImage).toHaveBeenCalledTimes(3);
    expect(t.setImage.mock.calls[2]![0]).toBe(alert);
  });

  it('sets the tooltip on every update', () => {
    const { port, tray: t } = tray();
    port.update(model({ tooltip: 'Pulsebar — paused' }));
    expect(t.setToolTip).toHaveBeenLastCalledWith('Pulsebar — paused');
  });

  it('shows the total as the title on macOS only, with a template icon', () => {
    const mac = tray('darwin');
    expect((mac.tray.image as unknown as FakeNativeImage).setTemplateImage).toHaveBeenCalledWith(true);
    mac.port.update(model({ title: '1,234' }));
    expect(mac.tray.setTitle).toHaveBeenCalledWith('1,234', { fontType: 'monospacedDigit' });
    const linux = tray('linux');
    linux.port.update(model());
    expect(linux.tray.setTitle).not.toHaveBeenCalled();
  });

  it('rebuilds the menu on every update from the model', () => {
    const { port, tray: t } = tray();
    port.update(model());
    port.update(model({ menu: [{ id: 'quit', label: 'Quit' }] }));
    expect(t.setContextMenu).toHaveBeenCalledTimes(2);
    expect(fake.module.Menu.buildFromTemplate).toHaveBeenCalledTimes(2);
    expect(t.menu().map((item) => item.label)).toEqual(['Quit']);
  });

  it('maps items (separator, checkbox, disabled, submenu) and a click reaches onMenu with the item\'s command', () => {
    const { port, tray: t, onMenu } = tray();
    port.update(model());
    const [open, sep, pause, accounts] = t.menu();
    expect(sep).toEqual({ type: 'separator' });
    expect(pause).toMatchObject({ id: 'pause', type: 'checkbox', checked: true, enabled: true });
    expect(accounts?.click).toBeUndefined();
    const [main] = accounts!.submenu as Electron.MenuItemConstructorOptions[];
    expect(main).toMatchObject({ id: 'a1', enabled: false });
    // An item without a command (a label) does nothing when clicked.
    expect(pause?.click).toBeUndefined();
    open!.click!({} as never, undefined, {} as never);
    main!.click!({} as never, undefined, {} as never);
    expect(onMenu.mock.calls).toEqual([[{ type: 'open' }], [{ type: 'show', series: { type: 'account', accountId: 'a1' } }]]);
  });

  it('a click on the icon reaches onClick with the tray', () => {
    const { tray: t, onClick } = tray();
    t.emit('click');
    expect(onClick).toHaveBeenCalledWith(t);
  });
});
