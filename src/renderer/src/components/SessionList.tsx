import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import type { Session } from '../../../shared/model';
import { DISCONNECTING_LABEL } from '../../../shared/luaprot-linger';
import { plural } from '../../../shared/plural';
import { age, ageWords, ago } from '../time-format';
import { hasSessionId, NO_ID_REASON, sessionKey } from '../session-identity';
import { useRowKeyboard } from './row-keyboard';

const ROW_HEIGHT = 52;

export function sessionName(s: Session): string {
  if (s.username) return s.username;
  if (s.robloxUserId != null) return `Roblox ${s.robloxUserId}`;
  return hasSessionId(s) ? `Session ${s.id}` : 'Session without an id';
}

/** The second line of a row: whatever this provider gives, in a fixed order. */
function facts(s: Session, now: number): string {
  const parts: string[] = [];
  if (s.userKey) parts.push(`key ${s.userKey}`);
  if (s.placeId) parts.push(`place ${s.placeId}`);
  if (s.universeId) parts.push(`universe ${s.universeId}`);
  if (s.jobId) parts.push(`job ${s.jobId.slice(0, 8)}`);
  if (s.beatCount != null) parts.push(plural(s.beatCount, 'beat'));
  if (s.lastBeatAt != null) parts.push(`beat ${ago(s.lastBeatAt, now)}`);
  return parts.join(' · ');
}

/** What a session list or table is given (SessionList in the panel, SessionTable wide). */
export interface SessionListProps {
  sessions: Session[];
  selectable: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** The row's session rides along: an id-less one cannot be found again by its id. */
  onOpen: (id: string, session: Session) => void;
  /** What to say when there are no rows (loading, failed, nothing matches, nobody online). */
  empty?: ReactNode;
  /** Disconnected sessions the provider still lists: marked, and not selectable. */
  disconnecting?: ReadonlySet<string>;
}

/**
 * Virtualized so 10,000 rows cost as much as the ~15 on screen. Arrow keys, Home and End move the
 * focus between rows (scrolling the target row into existence first); Enter opens, Space selects.
 */
export function SessionList({ sessions, selectable, selected, onToggle, onOpen, empty, disconnecting }: SessionListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: sessions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => (sessions[i] ? sessionKey(sessions[i], i) : i),
  });
  const { active, setActive, onKeyDown } = useRowKeyboard({ sessions, scroller, virtual, rowHeight: ROW_HEIGHT, selectable, disconnecting, onToggle });
  const now = Date.now();

  return (
    <div ref={scroller} className="session-scroller" onKeyDown={onKeyDown}>
      {/* The list holds its rows only: the empty message (which may carry a button) sits beside it, since
          a list may own nothing but list items (aria-required-children). */}
      <div role="list" aria-label={`Sessions, ${sessions.length} shown`} className="session-spacer" style={{ height: virtual.getTotalSize() }}>
        {virtual.getVirtualItems().map((item) => {
          const s = sessions[item.index];
          if (!s) return null;
          const name = sessionName(s);
          const isSelected = selected.has(s.id);
          const leaving = disconnecting?.has(s.id) ?? false;
          const noId = !hasSessionId(s);
          const line2 = leaving ? DISCONNECTING_LABEL : noId ? `no id, no actions · ${facts(s, now)}` : facts(s, now);
          return (
            <div
              key={item.key}
              role="listitem"
              data-row={item.index}
              className={`session-row${isSelected ? ' selected' : ''}${item.index === active ? ' active' : ''}${leaving ? ' leaving' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {selectable && (
                <input
                  type="checkbox"
                  aria-label={`Select ${name}`}
                  checked={isSelected}
                  disabled={leaving || noId}
                  title={noId ? NO_ID_REASON : undefined}
                  onChange={() => onToggle(s.id)}
                  tabIndex={-1}
                />
              )}
              <button
                type="button"
                className="session-open"
                aria-label={leaving ? `Open ${name}, ${DISCONNECTING_LABEL}` : `Open ${name}`}
                tabIndex={item.index === active ? 0 : -1}
                onFocus={() => setActive(item.index)}
                onClick={() => onOpen(s.id, s)}
              >
                <span className="session-line1">
                  <span className="session-name" title={name}>
                    {name}
                  </span>
                  <span className="muted session-age" title={`Connected for ${ageWords(s.createdAt, now)}`}>
                    {age(s.createdAt, now)}
                  </span>
                </span>
                <span className="session-line2 muted" title={noId ? NO_ID_REASON : line2}>
                  {line2}
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {sessions.length === 0 && <div className="muted list-empty">{empty ?? 'No sessions.'}</div>}
    </div>
  );
}
