import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { DISCONNECTING_LABEL } from '../../../shared/luaprot-linger';
import type { Session } from '../../../shared/model';
import { copyText } from '../clipboard-copy';
import { hasSessionId, NO_ID_REASON, sessionKey } from '../session-identity';
import { age, ageWords, ago } from '../time-format';
import { useRowKeyboard } from './row-keyboard';
import { clampWidth, columnsFor, MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, nextSort, sortSessions, type ColumnId, type SessionColumn, type SortOrder } from './session-columns';
import { sessionName, type SessionListProps } from './SessionList';
import './session-table.css';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 34;
const CHECK_WIDTH = 36;
/** Columns whose cells are bare text (no copy button, no age): ellipsized as one line. */
const PLAIN = new Set<ColumnId>(['roblox', 'place', 'universe', 'beats']);
/** One arrow key press on a column's resize handle. */
const RESIZE_STEP = 16;

interface SessionTableProps extends SessionListProps {
  /** Said under the table while sorted, where the provider pages (a sort orders this page only). */
  pagedSortNote?: string | null;
}

type CopyState = { key: string; ok: boolean } | null;

/**
 * The wide window's session table: a column per fact the provider gives, sortable (click or Enter on
 * a header; aria-sort says the order), resizable (drag a header's edge, or focus it and use the arrow
 * keys), copy buttons for session id, key, HWID and job id (on the focused row and the one under the
 * pointer). Virtualized like the panel's list, with
 * the same keyboard (row-keyboard.ts), selection, drawer and actions.
 */
export function SessionTable({ sessions, selectable, selected, onToggle, onOpen, empty, disconnecting, pagedSortNote }: SessionTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [order, setOrder] = useState<SortOrder | null>(null);
  const [widths, setWidths] = useState<Partial<Record<ColumnId, number>>>({});
  const [copied, setCopied] = useState<CopyState>(null);
  // Copy buttons show on the focused (active) row and the last row under the pointer (kept when the
  // pointer moves off, so they never vanish on the way to them), not on all rows:
  // thirty rows of three buttons would be most of the table's DOM (and of every frame's work).
  const [hovered, setHovered] = useState<number | null>(null);
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const columns = useMemo(() => columnsFor(sessions), [sessions]);
  const rows = useMemo(() => sortSessions(sessions, order), [sessions, order]);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Rows start under the sticky header, inside the same scroller.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (i) => (rows[i] ? sessionKey(rows[i], i) : i),
  });
  const { active, setActive, onKeyDown } = useRowKeyboard({ sessions: rows, scroller, virtual, rowHeight: ROW_HEIGHT, selectable, disconnecting, onToggle });
  const widthOf = (c: SessionColumn) => widths[c.id] ?? c.width;
  // The last column takes what is left, so a wide window has no dead strip on the right.
  const template = [...(selectable ? [`${CHECK_WIDTH}px`] : []), ...columns.map((c, i) => (i === columns.length - 1 ? `minmax(${widthOf(c)}px, 1fr)` : `${widthOf(c)}px`))].join(' ');
  const totalWidth = (selectable ? CHECK_WIDTH : 0) + columns.reduce((sum, c) => sum + widthOf(c), 0);
  const now = Date.now();

  const resize = (c: SessionColumn, to: number) => setWidths((w) => ({ ...w, [c.id]: clampWidth(to) }));

  const copy = async (key: string, value: string) => {
    const ok = await copyText(value);
    setCopied({ key, ok });
    if (copiedTimer.current) clearTimeout(copiedTimer.current);
    copiedTimer.current = setTimeout(() => setCopied(null), 2000);
  };

  const cell = (c: SessionColumn, s: Session, index: number, name: string, leaving: boolean, noId: boolean): ReactNode => {
    const isActive = index === active;
    if (c.id === 'name') {
      return (
        <button
          type="button"
          className="session-open"
          aria-label={leaving ? `Open ${name}, ${DISCONNECTING_LABEL}` : `Open ${name}`}
          title={noId ? NO_ID_REASON : name}
          tabIndex={isActive ? 0 : -1}
          onFocus={() => setActive(index)}
          onClick={() => onOpen(s.id, s)}
        >
          <span className="session-name">{name}</span>
          {leaving && <span className="muted small"> · {DISCONNECTING_LABEL}</span>}
          {noId && !leaving && <span className="muted small"> · no id, no actions</span>}
        </button>
      );
    }
    if (c.id === 'started') {
      return (
        <span className="muted session-age" title={`Connected for ${ageWords(s.createdAt, now)}`}>
          {age(s.createdAt, now)}
        </span>
      );
    }
    if (c.id === 'beat') return <span className="muted">{s.lastBeatAt != null ? ago(s.lastBeatAt, now) : ''}</span>;
    const value = c.value(s);
    if (value === undefined) return null;
    // Plain text where there is nothing to copy: one element fewer per cell (axe and every frame walk them all).
    if (!c.copy) return value;
    const key = `${sessionKey(s, index)}:${c.id}`;
    const state = copied?.key === key ? copied : null;
    return (
      <>
        <span className="cell-text mono" title={value}>
          {value}
        </span>
        {c.copy && (isActive || index === hovered || state) && (
          <button
            type="button"
            className={`copy-button${state ? (state.ok ? ' copied' : ' copy-failed') : ''}`}
            aria-label={`Copy ${c.copy} of ${name}`}
            title={state ? (state.ok ? 'Copied' : 'Could not copy: select the text and press Ctrl+C') : `Copy ${c.copy}`}
            tabIndex={isActive ? 0 : -1}
            onFocus={() => setActive(index)}
            onClick={() => void copy(key, value)}
          >
            {state ? (state.ok ? 'Copied' : 'Failed') : 'Copy'}
          </button>
        )}
      </>
    );
  };

  return (
    <div className="session-table-wrap">
      <div
        ref={scroller}
        className="session-scroller session-table"
        role="table"
        aria-label={`Sessions, ${sessions.length} shown`}
        aria-rowcount={rows.length + 1}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="st-head" style={{ height: HEADER_HEIGHT, minWidth: totalWidth }}>
          <div role="row" aria-rowindex={1} className="st-row" style={{ gridTemplateColumns: template, height: HEADER_HEIGHT }}>
            {selectable && (
              <div role="columnheader" className="st-cell">
                <span className="visually-hidden">Selected</span>
              </div>
            )}
            {columns.map((c) => (
              <HeaderCell key={c.id} column={c} width={widthOf(c)} order={order} onSort={() => setOrder(nextSort(order, c.id))} onResize={(w) => resize(c, w)} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="session-spacer" style={{ height: virtual.getTotalSize(), minWidth: totalWidth }}>
          {virtual.getVirtualItems().map((item) => {
            const s = rows[item.index];
            if (!s) return null;
            const name = sessionName(s);
            const isSelected = selected.has(s.id);
            const leaving = disconnecting?.has(s.id) ?? false;
            const noId = !hasSessionId(s);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-row={item.index}
                className={`st-row session-row${isSelected ? ' selected' : ''}${item.index === active ? ' active' : ''}${leaving ? ' leaving' : ''}`}
                onPointerOver={() => setHovered(item.index)}
                style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start - virtual.options.scrollMargin}px)` }}
              >
                {selectable && (
                  <div role="cell" className="st-cell">
                    <input
                      type="checkbox"
                      aria-label={`Select ${name}`}
                      checked={isSelected}
                      disabled={leaving || noId}
                      title={noId ? NO_ID_REASON : undefined}
                      onChange={() => onToggle(s.id)}
                      tabIndex={-1}
                    />
                  </div>
                )}
                {columns.map((c) => (
                  <div key={c.id} role="cell" className={`st-cell st-${c.id}${PLAIN.has(c.id) ? ' st-plain' : ''}`}>
                    {cell(c, s, item.index, name, leaving, noId)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {sessions.length === 0 && <div className="muted list-empty">{empty ?? 'No sessions.'}</div>}
      <p className="visually-hidden" role="status">
        {copied ? (copied.ok ? 'Copied.' : 'Could not copy: select the text and press Ctrl+C.') : ''}
      </p>
      {order && pagedSortNote && <p className="muted small st-note">{pagedSortNote}</p>}
    </div>
  );
}

interface HeaderCellProps {
  column: SessionColumn;
  width: number;
  order: SortOrder | null;
  onSort: () => void;
  onResize: (width: number) => void;
}

function HeaderCell({ column, width, order, onSort, onResize }: HeaderCellProps) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const sort = order?.column === column.id ? order.direction : 'none';
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.width + e.clientX - drag.current.x);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const to: Record<string, number> = {
      ArrowLeft: width - RESIZE_STEP,
      ArrowRight: width + RESIZE_STEP,
      Home: MIN_COLUMN_WIDTH,
      End: MAX_COLUMN_WIDTH,
    };
    const next = to[e.key];
    if (next !== undefined) {
      e.preventDefault();
      onResize(next);
    }
  };
  return (
    <div role="columnheader" aria-sort={sort} className="st-cell st-header" data-no-row-keys>
      <button type="button" className="st-sort" onClick={onSort} title={`Sort by ${column.label.toLowerCase()}`}>
        {column.label}
        <span aria-hidden="true" className="st-sort-mark">
          {sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : ''}
        </span>
      </button>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-label={`Resize ${column.label} column`}
        aria-valuenow={width}
        aria-valuemin={MIN_COLUMN_WIDTH}
        aria-valuemax={MAX_COLUMN_WIDTH}
        tabIndex={0}
        className="st-resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
