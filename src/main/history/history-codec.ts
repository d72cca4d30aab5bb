import { HistoryFormatError, type KeyedColumns } from './history';

/**
 * The history's binary snapshot: a small JSON header naming each series and its column lengths,
 * then the columns as raw little-endian typed arrays. Encoding is a few memory copies (no
 * JSON.stringify of millions of numbers), so a save never holds the main thread for long.
 *
 *   "PBHB" | u32 version | u32 header bytes | header (UTF-8 JSON) | zero pad to 8 | columns…
 */

const MAGIC = 'PBHB';
export const HISTORY_CODEC_VERSION = 1;

interface SeriesHeader {
  key: string;
  lastAt: number;
  wide: boolean;
  raw: number;
  m0: number;
  minutes: number;
  h0: number;
  hours: number;
}

interface Header {
  /** Which journal lines belong on top of this snapshot (history-store.ts). */
  generation: number;
  series: SeriesHeader[];
}

function columnsOf(c: KeyedColumns): ArrayBufferView[] {
  return [c.rawT, c.rawV, c.bN, c.bFrac, c.bMin, c.bMax, c.bLast, c.hours.sum, c.hours.n, c.hours.min, c.hours.max];
}

const pad8 = (n: number): number => (8 - (n % 8)) % 8;

/**
 * The snapshot as a list of buffers: the header, then each column as a view of the history's own
 * copy (no concatenation), so it can be streamed into gzip without one big allocation.
 */
export function encodeHistoryChunks(series: readonly KeyedColumns[], generation = 0): Buffer[] {
  const header: Header = {
    generation,
    series: series.map((c) => ({
      key: c.key,
      lastAt: c.lastAt,
      wide: c.wide,
      raw: c.rawT.length,
      m0: c.m0,
      minutes: c.bN.length,
      h0: c.hours.h0,
      hours: c.hours.n.length,
    })),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(HISTORY_CODEC_VERSION, 4);
  prefix.writeUInt32LE(head.length, 8);
  // Each column starts on an 8-byte boundary so a reader may view it in place.
  const zeros = Buffer.alloc(8);
  const chunks: Buffer[] = [prefix, head, zeros.subarray(0, pad8(12 + head.length))];
  for (const v of series.flatMap(columnsOf)) {
    chunks.push(Buffer.from(v.buffer, v.byteOffset, v.byteLength), zeros.subarray(0, pad8(v.byteLength)));
  }
  return chunks.filter((c) => c.length > 0);
}

export function encodeHistory(series: readonly KeyedColumns[], generation = 0): Buffer {
  return Buffer.concat(encodeHistoryChunks(series, generation));
}

export function isEncodedHistory(bytes: Buffer): boolean {
  return bytes.length >= 12 && bytes.toString('latin1', 0, 4) === MAGIC;
}

type Ctor<T> = { new (length: number): T; BYTES_PER_ELEMENT: number };

export function decodeHistory(bytes: Buffer): { generation: number; series: KeyedColumns[] } {
  if (!isEncodedHistory(bytes)) throw new HistoryFormatError('not a Pulsebar binary history');
  const version = bytes.readUInt32LE(4);
  if (version !== HISTORY_CODEC_VERSION) throw new HistoryFormatError(`unsupported binary history version ${version}`);
  const headLength = bytes.readUInt32LE(8);
  if (12 + headLength > bytes.length) throw new HistoryFormatError('binary history header cut short');
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', 12, 12 + headLength)) as Header;
  } catch {
    throw new HistoryFormatError('binary history header is not JSON');
  }
  if (!Array.isArray(header?.series)) throw new HistoryFormatError('binary history header has no series');
  let at = 12 + headLength + pad8(12 + headLength);
  const take = <T extends ArrayBufferView>(ctor: Ctor<T>, length: number, what: string): T => {
    if (!Number.isInteger(length) || length < 0) throw new HistoryFormatError(`${what}: bad length`);
    const byteLength = length * ctor.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new HistoryFormatError(`${what}: cut short`);
    // A copy into a fresh, aligned buffer: the file's bytes are released once read.
    const out = new ctor(length);
    new Uint8Array(out.buffer).set(bytes.subarray(at, at + byteLength));
    at += byteLength + pad8(byteLength);
    return out;
  };
  const generation = typeof header.generation === 'number' ? header.generation : 0;
  const series = header.series.map((h, i): KeyedColumns => {
    const what = `series ${i}`;
    if (typeof h?.key !== 'string' || typeof h.lastAt !== 'number' || !Number.isInteger(h.m0) || !Number.isInteger(h.h0)) {
      throw new HistoryFormatError(`${what}: malformed header`);
    }
    const Counts: Ctor<Uint16Array | Uint32Array> = h.wide ? Uint32Array : Uint16Array;
    const rawT = take(Float64Array, h.raw, what);
    for (let k = 1; k < rawT.length; k++) if (!(rawT[k]! > rawT[k - 1]!)) throw new HistoryFormatError(`${what}: raw samples out of order`);
    return {
      key: h.key,
      lastAt: h.lastAt,
      wide: h.wide === true,
      rawT,
      rawV: take(Counts, h.raw, what),
      m0: h.m0,
      bN: take(Uint8Array, h.minutes, what),
      bFrac: take(Uint8Array, h.minutes, what),
      bMin: take(Counts, h.minutes, what),
      bMax: take(Counts, h.minutes, what),
      bLast: take(Counts, h.minutes, what),
      hours: {
        h0: h.h0,
        sum: take(Float64Array, h.hours, what),
        n: take(Uint32Array, h.hours, what),
        min: take(Uint32Array, h.hours, what),
        max: take(Uint32Array, h.hours, what),
      },
    };
  });
  return { generation, series };
}
