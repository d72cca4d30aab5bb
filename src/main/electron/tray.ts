import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import { drawTrayIcon } from '../tray/tray-icon-image';
import type { TrayCommand, TrayIconState, TrayMenuItem, TrayModel, TrayPort } from '../core/ports';

function iconFor(state: TrayIconState, isMac: boolean): NativeImage {
  if (isMac) {
    // Template images follow the menu bar's light/dark appearance; state shows in the title instead.
    const image = nativeImage.createFromBuffer(drawTrayIcon(state, 32, true), { scaleFactor: 2 });
    image.setTemplateImage(true);
    return image;
  }
  const image = nativeImage.createFromBuffer(drawTrayIcon(state, 16), { scaleFactor: 1 });
  image.addRepresentation({ scaleFactor: 2, buffer: drawTrayIcon(state, 32) });
  return image;
}

function toMenu(items: TrayMenuItem[], onClick: (command: TrayCommand) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    const command = item.submenu ? undefined : item.command;
    return {
      id: item.id,
      label: item.label,
      enabled: item.enabled ?? true,
      type: item.type === 'checkbox' ? 'checkbox' : 'normal',
      checked: item.checked,
      submenu: item.submenu ? toMenu(item.submenu, onClick) : undefined,
      // The item's own command, never its id read back.
      click: command ? () => onClick(command) : undefined,
    };
  });
}

/** The tray icon. The menu is rebuilt on every update: Linux only shows a menu set again with setContextMenu. */
export function createTray(options: {
  onClick: (tray: Tray) => void;
  onMenu: (command: TrayCommand) => void;
  platform?: NodeJS.Platform;
}): TrayPort & { tray: Tray } {
  const isMac = (options.platform ?? process.platform) === 'darwin';
  const icons = new Map<TrayIconState, NativeImage>();
  const icon = (state: TrayIconState) => {
    let image = icons.get(state);
    if (!image) icons.set(state, (image = iconFor(state, isMac)));
    return image;
  };
  const tray = new Tray(icon('normal'));
  tray.setToolTip('Pulsebar');
  tray.on('click', () => options.onClick(tray));
  let lastIcon: TrayIconState = 'normal';
  return {
    tray,
    update(model: TrayModel) {
      if (model.icon !== lastIcon) {
        tray.setImage(icon(model.icon));
        lastIcon = model.icon;
      }
      tray.setToolTip(model.tooltip);
      if (isMac) tray.setTitle(model.title, { fontType: 'monospacedDigit' });
      tray.setContextMenu(Menu.buildFromTemplate(toMenu(model.menu, options.onMenu)));
    },
  };
}
