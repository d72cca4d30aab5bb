import { useEffect, useRef, useState } from 'react';
import type { TargetLive } from '../../../shared/ipc-contract';
import { describeFailure } from '../api';
import { count } from '../time-format';
import { Sparkline } from './Sparkline';
import { TrendArrow } from './TrendArrow';
import './TargetCard.css';

const KIND_WORDS: Record<string, string> = { script: 'Script', hub: 'Hub', key: 'Key', project: 'Project' };

/**
 * A watched target: live count, 10-minute trend and last-hour sparkline; the whole card opens its
 * sessions. Its name is main's (the user's label, else the provider's); where the user's label
 * hides a provider name, the card says what the provider calls it. With `onRename` it can be
 * renamed in place: Enter saves, Esc cancels, an empty name brings the provider's back.
 * With `parentLabel` it is one of a project's scripts, shown as part of that project.
 */
export function TargetCard({
  target,
  accountLabel,
  providerLabel,
  parentLabel,
  demo = false,
  onOpen,
  onRename,
}: {
  target: TargetLive;
  accountLabel: string;
  /** Junkie, LuaProt or LuaAuth. */
  providerLabel: string;
  parentLabel?: string;
  /** A demo account's target (simulated users): badged so it is never taken for real. */
  demo?: boolean;
  onOpen: () => void;
  /** Saves a new label ("" drops the user's own); absent when the target cannot be renamed. */
  onRename?: (label: string) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  // The provider is named on the line below when it named the target; the account's label usually says it too.
  const kind = `${KIND_WORDS[target.kind] ?? target.kind}${parentLabel ? ` in ${parentLabel}` : ''} · ${accountLabel}`;
  const shownProviderName = target.ownLabel && target.providerName && target.providerName !== target.label ? target.providerName : null;
  return (
    <li className={parentLabel ? 'target-card target-card-part' : 'target-card'}>
      <span className="target-head">
        <span className="target-title">
          {editing && onRename ? (
            <RenameField target={target} onDone={() => setEditing(false)} onRename={onRename} />
          ) : (
            <>
              <button type="button" className="target-open target-label" title={target.label} aria-label={`${target.label}: ${count(target.count)} live, open sessions`} onClick={onOpen}>
                {target.label}
              </button>
              {onRename && (
                <button type="button" className="target-rename" aria-label={`Rename ${target.label}`} title="Rename" onClick={() => setEditing(true)}>
                  <svg width="13" height="13" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
                    <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />
                  </svg>
                </button>
              )}
            </>
          )}
        </span>
        <span className="muted target-kind" title={kind}>
          {demo && <span className="demo-badge">Demo</span>} {kind}
        </span>
        {shownProviderName && (
          <span className="muted target-provider-name" title={`${providerLabel} calls it ${shownProviderName}`}>
            {providerLabel}: {shownProviderName}
          </span>
        )}
      </span>
      <span className="target-numbers">
        <span className="target-count" data-testid="target-count">
          {count(target.count)}
        </span>
        <TrendArrow trend={target.trend} />
      </span>
      <Sparkline values={target.sparkline} label={`${target.label} sparkline`} />
    </li>
  );
}

/** The name in place: Enter saves, Esc cancels (and stops there: it must not hide the panel), empty restores the provider's. */
function RenameField({ target, onDone, onRename }: { target: TargetLive; onDone: () => void; onRename: (label: string) => Promise<void> }) {
  const [value, setValue] = useState(target.ownLabel ? target.label : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRename(value);
      onDone();
    } catch (err) {
      setError(describeFailure(err));
      setBusy(false);
    }
  };
  const fallback = target.providerName ?? `${KIND_WORDS[target.kind] ?? target.kind} ${target.id}`;
  return (
    <span className="target-rename-field">
      <input
        ref={input}
        className="target-rename-input"
        aria-label={`New name for ${target.label} (empty: ${fallback})`}
        placeholder={fallback}
        value={value}
        disabled={busy}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => !busy && onDone()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onDone();
          }
        }}
      />
      {error && (
        <span role="alert" className="error-text small">
          Not renamed: {error}
        </span>
      )}
    </span>
  );
}
