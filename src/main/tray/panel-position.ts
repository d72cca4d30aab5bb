/**
 * Where the compact panel opens: beside the tray icon, inside the work area of
 * the display the tray is on. Pure so it is tested without Electron.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function panelPosition(tray: Rect, panel: { width: number; height: number }, workArea: Rect): { x: number; y: number } {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));
  const trayCentreX = tray.x + tray.width / 2;
  const trayCentreY = tray.y + tray.height / 2;
  const areaCentreY = workArea.y + workArea.height / 2;
  // Vertical taskbars (tray at the left or right edge) put the panel beside the icon.
  const trayAtLeft = tray.x + tray.width <= workArea.x;
  const trayAtRight = tray.x >= workArea.x + workArea.width;
  let x: number;
  let y: number;
  if (trayAtLeft || trayAtRight) {
    x = trayAtLeft ? workArea.x : workArea.x + workArea.width - panel.width;
    y = trayCentreY - panel.height / 2;
  } else {
    x = trayCentreX - panel.width / 2;
    // Tray in a top bar (macOS, GNOME) → below it; bottom taskbar (Windows) → above it.
    y = trayCentreY < areaCentreY ? workArea.y : workArea.y + workArea.height - panel.height;
  }
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - panel.width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - panel.height)),
  };
}
