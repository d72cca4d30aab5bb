import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Session } from '../../../shared/model';
import { hasSessionId } from '../session-identity';

interface RowKeyboardOptions {
  sessions: Session[];
  scroller: RefObject<HTMLDivElement | null>;
  virtual: Virtualizer<HTMLDivElement, Element>;
  rowHeight: number;
  selectable: boolean;
  disconnecting?: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

/**
 * The keyboard of a virtual session list or table, one source for both: one Tab stop (the active
 * row's open button); arrow keys, Page Up/Down, Home and End move it, scrolling the target row into
 * existence first; Space on the open button selects (Enter opens, as a button does).
 */
export function useRowKeyboard({ sessions, scroller, virtual, rowHeight, selectable, disconnecting, onToggle }: RowKeyboardOptions) {
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    if (active >= sessions.length) setActive(Math.max(0, sessions.length - 1));
  }, [sessions.length, active]);

  // Focus after the virtualizer has rendered the row we moved to.
  useEffect(() => {
    const index = pendingFocus.current;
    if (index == null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row="${index}"] .session-open`);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(sessions.length - 1, index));
    setActive(next);
    pendingFocus.current = next;
    virtual.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys inside a column header (sorting, resizing) are the header's own.
    if ((e.target as HTMLElement).closest('[data-no-row-keys]')) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: sessions.length - 1,
    };
    const to = moves[e.key];
    if (to !== undefined && sessions.length > 0) {
      e.preventDefault();
      moveTo(to);
    } else if (e.key === ' ' && selectable && (e.target as HTMLElement).classList.contains('session-open')) {
      e.preventDefault();
      const s = sessions[active];
      if (s && !disconnecting?.has(s.id) && hasSessionId(s)) onToggle(s.id);
    }
  };

  return { active, setActive, onKeyDown };
}
