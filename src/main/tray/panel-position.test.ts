import { describe, expect, it } from 'vitest';
import { panelPosition } from './panel-position';

const panel = { width: 420, height: 640 };

describe('panelPosition', () => {
  it('opens below a tray in a top menu bar, centred on the icon', () => {
    const area = { x: 0, y: 25, width: 1440, height: 875 };
    expect(panelPosition({ x: 1000, y: 0, width: 22, height: 22 }, panel, area)).toEqual({ x: 801, y: 25 });
  });

  it('opens above a bottom taskbar and never leaves the work area', () => {
    const area = { x: 0, y: 0, width: 1920, height: 1040 };
    expect(panelPosition({ x: 1890, y: 1050, width: 24, height: 24 }, panel, area)).toEqual({ x: 1500, y: 400 });
  });

  it('opens beside a vertical taskbar on the left', () => {
    const area = { x: 60, y: 0, width: 1860, height: 1080 };
    expect(panelPosition({ x: 18, y: 1000, width: 24, height: 24 }, panel, area)).toEqual({ x: 60, y: 440 });
  });

  it('works on a second display with negative coordinates', () => {
    const area = { x: -1280, y: 0, width: 1280, height: 1024 };
    const pos = panelPosition({ x: -300, y: 0, width: 22, height: 22 }, panel, area);
    expect(pos.x).toBeGreaterThanOrEqual(-1280);
    expect(pos.x + panel.width).toBeLessThanOrEqual(0);
  });
});
