import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import { DISCONNECTING_LABEL } from '../../../shared/luaprot-linger';
import type { Session } from '../../../shared/model';
import { useSessions } from '../stores/sessions-store';
import { age, ago, dateTime } from '../time-format';
import { Dialog } from './Dialog';
import { sessionName } from './SessionList';
import { hasSessionId, NO_ID_REASON } from '../session-identity';

function Fact({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** LuaProt's key record fields in words; anything else is un-camel-cased. */
const RECORD_LABELS: Record<string, string> = {
  hubId: 'Hub',
  key: 'Key',
  expireAt: 'Expires',
  createdAt: 'Created',
  lastExecutionAt: 'Last execution',
  discordId: 'Discord id',
  discordUsername: 'Discord user',
  activated: 'Activated',
  hwid: 'HWID',
  blacklisted: 'Blacklisted',
  blacklistReason: 'Blacklist reason',
  executionCount: 'Executions',
  note: 'Note',
};

function recordLabel(key: string): string {
  const known = RECORD_LABELS[key];
  if (known) return known;
  const words = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Provider values that may be times (ms since the model normalizes) read better as dates; empty ones are left out. */
function recordValue(key: string, v: unknown, hubLabel?: (id: string) => string | undefined): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'number' && /(at|time|created|expires|beat)/i.test(key) && v > 1e12) return dateTime(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return v.toLocaleString(undefined, { useGrouping: !/id$/i.test(key) });
  if (key === 'hubId' && typeof v === 'string') {
    const label = hubLabel?.(v);
    return label ? `${label} (${v})` : v;
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function SessionFacts({ s, scriptLabel }: { s: Session; scriptLabel?: (id: string) => string | undefined }) {
  const script = s.scriptId ? scriptLabel?.(s.scriptId) : undefined;
  return (
    <dl className="facts">
      <Fact label="Session id" value={hasSessionId(s) ? s.id : 'not given by the provider'} />
      <Fact label="Username" value={s.username} />
      <Fact label="Roblox user id" value={s.robloxUserId} />
      <Fact label="User key" value={s.userKey} />
      <Fact label="Script" value={s.scriptId && script ? `${script} (${s.scriptId})` : s.scriptId} />
      <Fact label="Place id" value={s.placeId} />
      <Fact label="Universe id" value={s.universeId} />
      <Fact label="Job id" value={s.jobId} />
      <Fact label="HWID" value={s.hwid} />
      <Fact label="Heartbeats" value={s.beatCount} />
      <Fact label="Started" value={s.createdAt != null ? `${dateTime(s.createdAt)} (${age(s.createdAt)} ago)` : undefined} />
      <Fact label="Last beat" value={s.lastBeatAt != null ? ago(s.lastBeatAt) : undefined} />
    </dl>
  );
}

interface SessionDrawerProps {
  capabilities: ProviderCapabilities | undefined;
  onMessage: (session: Session) => void;
  onDisconnect: (session: Session) => void;
  /** Names of the account's targets, to show beside raw script and hub ids. */
  scriptLabel?: (id: string) => string | undefined;
  hubLabel?: (id: string) => string | undefined;
}

/** One session in full: the normalized fields, LuaProt's key record, and the actions this provider has. */
export function SessionDrawer({ capabilities, onMessage, onDisconnect, scriptLabel, hubLabel }: SessionDrawerProps) {
  const detail = useSessions((s) => s.detail);
  const listed = useSessions((s) => s.sessions.find((x) => x.id === s.detail?.sessionId));
  const close = useSessions((s) => s.closeDetail);
  const leaving = useSessions((s) => (s.detail ? s.disconnecting.has(s.detail.sessionId) : false));
  if (!detail) return null;
  // An id-less session matches any other id-less one by id: the row it was opened from is the one.
  const session = detail.data?.session ?? (hasSessionId({ id: detail.sessionId }) ? (listed ?? detail.row) : (detail.row ?? listed));
  const name = session ? sessionName(session) : detail.sessionId;
  const noId = session ? !hasSessionId(session) : false;
  const reason = noId ? NO_ID_REASON : (capabilities?.reason ?? 'Not available for this provider.');
  // The actions sit in the drawer's footer, always in view however long the key record is.
  const footer = session ? (
    <>
      <button
        type="button"
        disabled={!capabilities?.message || leaving || noId}
        aria-describedby={!capabilities?.message || leaving || noId ? 'drawer-no-actions' : undefined}
        onClick={() => onMessage(session)}
      >
        Message
      </button>
      <button
        type="button"
        className="danger"
        disabled={!capabilities?.disconnect || leaving || noId}
        aria-describedby={!capabilities?.disconnect || leaving || noId ? 'drawer-no-actions' : undefined}
        onClick={() => onDisconnect(session)}
      >
        Disconnect
      </button>
    </>
  ) : undefined;
  return (
    <Dialog title={`Session ${name}`} drawer onClose={close} footer={footer}>
      {detail.error && (
        <p className="error-text" role="alert">
          {detail.error}
        </p>
      )}
      {detail.loading && <p className="muted">Loading details…</p>}
      {session && <SessionFacts s={session} scriptLabel={scriptLabel} />}
      {detail.data?.keyRecord && (
        <section aria-labelledby="key-record-title">
          <h3 id="key-record-title">Key record</h3>
          <dl className="facts">
            {Object.entries(detail.data.keyRecord)
              .filter(([k]) => k !== 'extra') // the raw copy; shown once below under "As sent by the provider"
              .map(([k, v]) => (
              <Fact key={k} label={recordLabel(k)} value={recordValue(k, v, hubLabel)} />
            ))}
          </dl>
        </section>
      )}
      {leaving ? (
        <p id="drawer-no-actions" className="muted small">
          Disconnected: LuaProt may keep listing it for up to 90 s ({DISCONNECTING_LABEL}), so no actions are offered.
        </p>
      ) : (
        (!capabilities?.message || !capabilities.disconnect || noId) && (
          <p id="drawer-no-actions" className="muted small">
            {reason}
          </p>
        )
      )}
      {session && Object.keys(session.extra).length > 0 && (
        <details>
          <summary>As sent by the provider</summary>
          <pre className="mono raw">{JSON.stringify(session.extra, null, 2)}</pre>
        </details>
      )}
    </Dialog>
  );
}
