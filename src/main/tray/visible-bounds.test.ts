import { describe, expect, it } from 'vitest';
import { visibleBounds } from './visible-bounds';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };
const monitorLeft = { x: -1920, y: 0, width: 1920, height: 1040 };

describe('visibleBounds', () => {
  it('keeps bounds that lie inside a work area as they are', () => {
    const saved = { x: 2000, y: 100, width: 900, height: 700 };
    expect(visibleBounds(saved, [laptop, monitorRight])).toEqual(saved);
    const left = { x: -1800, y: 50, width: 800, height: 600 };
    expect(visibleBounds(left, [monitorLeft, laptop])).toEqual(left);
  });

  it('brings a window left on an unplugged monitor onto the nearest display', () => {
    // Saved on the right-hand monitor, which is gone: only the laptop remains.
    expect(visibleBounds({ x: 2000, y: 100, width: 900, height: 700 }, [laptop])).toEqual({ x: 540, y: 100, width: 900, height: 700 });
    // Saved on a monitor to the left, gone too.
    expect(visibleBounds({ x: -1800, y: 900, width: 800, height: 600 }, [laptop])).toEqual({ x: 0, y: 275, width: 800, height: 600 });
  });

  it('shrinks a window larger than the work area it comes back to', () => {
    expect(visibleBounds({ x: 1500, y: 0, width: 2400, height: 1300 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });

  it('pulls a window hanging over an edge into the display it overlaps most', () => {
    expect(visibleBounds({ x: 1200, y: -40, width: 600, height: 500 }, [laptop, monitorRight])).toEqual({ x: 1440, y: 0, width: 600, height: 500 });
    expect(visibleBounds({ x: 1000, y: 500, width: 600, height: 500 }, [laptop, monitorRight])).toEqual({ x: 840, y: 375, width: 600, height: 500 });
  });

  it('respects a work area that does not start at 0 (a top bar, a left taskbar)', () => {
    const area = { x: 60, y: 25, width: 1860, height: 1055 };
    expect(visibleBounds({ x: 0, y: 0, width: 800, height: 600 }, [area])).toEqual({ x: 60, y: 25, width: 800, height: 600 });
  });

  it('with no display known, leaves the bounds alone', () => {
    const saved = { x: 10, y: 10, width: 800, height: 600 };
    expect(visibleBounds(saved, [])).toEqual(saved);
  });
});
