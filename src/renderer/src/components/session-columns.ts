import type { Session } from '../../../shared/model';
import { hasSessionId } from '../session-identity';
import { sessionName } from './SessionList';

export type ColumnId = 'name' | 'id' | 'key' | 'roblox' | 'place' | 'universe' | 'job' | 'hwid' | 'started' | 'beats' | 'beat';

export interface SessionColumn {
  id: ColumnId;
  label: string;
  /** What the cell shows and copies; undefined when the provider gave nothing. */
  value: (s: Session) => string | undefined;
  /** What sorting compares: numbers as numbers, ids and names as text with digits in numeric order. */
  sortValue: (s: Session) => string | number | undefined;
  /** Worth copying into a support ticket or a provider dashboard (the four). */
  copy?: 'session id' | 'key' | 'HWID' | 'job id';
  /** Starting width in px; the user can resize. */
  width: number;
  /** Shown even when no row has a value (the player and how long they have been on). */
  always?: boolean;
}

export const MIN_COLUMN_WIDTH = 60;
export const MAX_COLUMN_WIDTH = 640;

const text = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);

/** Every column a session can fill, in reading order; the table shows those the loaded rows fill. */
export const SESSION_COLUMNS: readonly SessionColumn[] = [
  { id: 'name', label: 'Player', value: sessionName, sortValue: (s) => sessionName(s).toLowerCase(), width: 170, always: true },
  { id: 'id', label: 'Session id', value: (s) => (hasSessionId(s) ? s.id : undefined), sortValue: (s) => text(s.id), copy: 'session id', width: 170 },
  { id: 'key', label: 'Key', value: (s) => text(s.userKey), sortValue: (s) => text(s.userKey), copy: 'key', width: 190 },
  { id: 'roblox', label: 'Roblox id', value: (s) => text(s.robloxUserId), sortValue: (s) => text(s.robloxUserId), width: 110 },
  { id: 'place', label: 'Place', value: (s) => text(s.placeId), sortValue: (s) => text(s.placeId), width: 110 },
  { id: 'universe', label: 'Universe', value: (s) => text(s.universeId), sortValue: (s) => text(s.universeId), width: 110 },
  { id: 'job', label: 'Job id', value: (s) => text(s.jobId), sortValue: (s) => text(s.jobId), copy: 'job id', width: 150 },
  { id: 'hwid', label: 'HWID', value: (s) => text(s.hwid), sortValue: (s) => text(s.hwid), copy: 'HWID', width: 150 },
  // Sorted by start time: "longest connected first" is ascending start.
  { id: 'started', label: 'Connected', value: () => undefined, sortValue: (s) => s.createdAt, width: 96, always: true },
  { id: 'beats', label: 'Beats', value: (s) => (s.beatCount != null ? String(s.beatCount) : undefined), sortValue: (s) => s.beatCount, width: 70 },
  { id: 'beat', label: 'Last beat', value: () => undefined, sortValue: (s) => s.lastBeatAt, width: 96 },
];

/** The columns at least one of these sessions fills (times count as filled when present). */
export function columnsFor(sessions: readonly Session[]): SessionColumn[] {
  const filled = (c: SessionColumn) => sessions.some((s) => c.sortValue(s) !== undefined);
  return SESSION_COLUMNS.filter((c) => c.always || filled(c));
}

export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  column: ColumnId;
  direction: SortDirection;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/**
 * The rows in the chosen order; rows without a value go last either way (an unknown is not "smallest").
 * Stable: equal rows keep the provider's order. Sorts what is loaded — a page for Junkie and LuaAuth.
 */
export function sortSessions(sessions: Session[], order: SortOrder | null): Session[] {
  if (!order) return sessions;
  const column = SESSION_COLUMNS.find((c) => c.id === order.column);
  if (!column) return sessions;
  const sign = order.direction === 'ascending' ? 1 : -1;
  return sessions
    .map((s, i) => ({ s, i, v: column.sortValue(s) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.s);
}

/** A click on a header: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortOrder | null, column: ColumnId): SortOrder {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: 'ascending' };
}

/** A width within the limits, whole pixels. */
export const clampWidth = (w: number): number => Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)));
