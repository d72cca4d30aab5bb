import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawTrayIcon } from './tray-icon-image';

function decode(png: Buffer): { size: number; pixels: Buffer } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const size = png.readUInt32BE(16);
  const idatLength = png.readUInt32BE(33);
  expect(png.toString('ascii', 37, 41)).toBe('IDAT');
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  expect(raw.length).toBe(size * (size * 4 + 1));
  return { size, pixels: raw };
}

describe('tray icon image', () => {
  it('encodes a valid PNG of the requested size', () => {
    for (const size of [16, 32]) {
      expect(decode(drawTrayIcon('normal', size)).size).toBe(size);
    }
  });

  it('gives each state its own colour and a transparent corner', () => {
    const centreLeft = (png: Buffer) => {
      const { size, pixels } = decode(png);
      const y = Math.floor(size * 0.25);
      const x = Math.floor(size * 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      return [...pixels.subarray(o, o + 4)];
    };
    const states = ['normal', 'alert', 'error', 'paused'] as const;
    const colours = states.map((s) => centreLeft(drawTrayIcon(s, 32)).join(','));
    expect(new Set(colours).size).toBe(4);
    const { pixels } = decode(drawTrayIcon('error', 32));
    expect(pixels[1 + 3]).toBe(0); // top-left pixel alpha
  });

  it('draws template images in black with alpha only', () => {
    const { size, pixels } = decode(drawTrayIcon('normal', 16, true));
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const o = y * (size * 4 + 1) + 1 + x * 4;
        expect([pixels[o], pixels[o + 1], pixels[o + 2]]).toEqual([0, 0, 0]);
      }
    }
  });
});
