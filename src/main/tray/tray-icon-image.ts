/**
 * Draws the tray icon for each state as a PNG, in plain Node (zlib only), so
 * the same pixels serve the running app (nativeImage.createFromBuffer) and the
 * files written to build/icons for packaging — no binary assets to keep in sync.
 */
import { deflateSync } from 'node:zlib';
import type { TrayIconState } from '../core/ports';

const COLOURS: Record<TrayIconState, [number, number, number]> = {
  normal: [59, 130, 246],
  alert: [245, 158, 11],
  error: [239, 68, 68],
  paused: [148, 163, 184],
};

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const body = Buffer.concat([head.subarray(4), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** Encodes straight RGBA pixels (row-major, size×size) as a PNG. */
export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Distance from point p to segment ab, for the anti-aliased pulse line. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * A filled disc in the state colour with a white heartbeat line across it.
 * `template` draws black-on-transparent for macOS menu-bar template images.
 */
export function drawTrayIcon(state: TrayIconState, size: number, template = false): Buffer {
  const [r, g, b] = template ? [0, 0, 0] : COLOURS[state];
  const px = new Uint8Array(size * size * 4);
  const c = size / 2;
  const radius = size / 2 - size / 16;
  // Heartbeat polyline in unit coordinates.
  const pulse = [
    [0.12, 0.55], [0.36, 0.55], [0.45, 0.3], [0.55, 0.75], [0.63, 0.5], [0.88, 0.5],
  ].map(([x, y]) => [x! * size, y! * size] as const);
  const stroke = Math.max(1, size / 11);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const fx = x + 0.5;
      const fy = y + 0.5;
      const disc = Math.max(0, Math.min(1, radius - Math.hypot(fx - c, fy - c) + 0.5));
      let line = 0;
      for (let i = 1; i < pulse.length; i++) {
        const [ax, ay] = pulse[i - 1]!;
        const [bx, by] = pulse[i]!;
        line = Math.max(line, Math.max(0, Math.min(1, stroke / 2 - segmentDistance(fx, fy, ax, ay, bx, by) + 0.5)));
      }
      const o = (y * size + x) * 4;
      if (template) {
        // Template images: the line is cut out of the disc so the menu bar tints it.
        px[o + 3] = Math.round(255 * disc * (1 - line));
      } else {
        px[o] = Math.round(r + (255 - r) * line);
        px[o + 1] = Math.round(g + (255 - g) * line);
        px[o + 2] = Math.round(b + (255 - b) * line);
        px[o + 3] = Math.round(255 * disc);
      }
    }
  }
  return encodePng(px, size);
}
