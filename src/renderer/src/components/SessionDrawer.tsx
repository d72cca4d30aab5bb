import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import type { Session } from '../../../shared/model';
import { useSessions } from '../stores/sessions-store';
import { age, ago, dateTime } from '../time-format';
import { Dialog } from './Dialog';
import { sessionName } from './SessionList';

function Fact({ label, value }: { label: string; value: string | number | undefined }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Provider values that may be times (ms since the model normalizes) read better as dates. */
function recordValue(key: string, v: unknown): string {
  if (typeof v === 'number' && /(at|time|created|expires|beat)/i.test(key) && v > 1e12) return dateTime(v);
  if (v === null || v === undefined) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function SessionFacts({ s }: { s: Session }) {
  return (
    <dl className="facts">
      <Fact label="Session id" value={s.id} />
      <Fact label="Username" value={s.username} />
      <Fact label="Roblox user id" value={s.robloxUserId} />
      <Fact label="User key" value={s.userKey} />
      <Fact label="Script id" value={s.scriptId} />
      <Fact label="Place id" value={s.placeId} />
      <Fact label="Universe id" value={s.universeId} />
      <Fact label="Job id" value={s.jobId} />
      <Fact label="HWID" value={s.hwid} />
      <Fact label="Beat count" value={s.beatCount} />
      <Fact label="Started" value={`${dateTime(s.createdAt)} (${age(s.createdAt)} ago)`} />
      <Fact label="Last beat" value={s.lastBeatAt != null ? ago(s.lastBeatAt) : undefined} />
    </dl>
  );
}

interface SessionDrawerProps {
  capabilities: ProviderCapabilities | undefined;
  onMessage: (session: Session) => void;
  onDisconnect: (session: Session) => void;
}

/** One session in full: the normalized fields, LuaProt's key record, and the actions this provider has. */
export function SessionDrawer({ capabilities, onMessage, onDisconnect }: SessionDrawerProps) {
  const detail = useSessions((s) => s.detail);
  const listed = useSessions((s) => s.sessions.find((x) => x.id === s.detail?.sessionId));
  const close = useSessions((s) => s.closeDetail);
  if (!detail) return null;
  const session = detail.data?.session ?? listed;
  const name = session ? sessionName(session) : detail.sessionId;
  const reason = capabilities?.reason ?? 'Not available for this provider.';
  return (
    <Dialog title={`Session ${name}`} drawer onClose={close}>
      {detail.error && (
        <p className="error-text" role="alert">
          {detail.error}
        </p>
      )}
      {!detail.data && !detail.error && <p className="muted">Loading details…</p>}
      {session && <SessionFacts s={session} />}
      {detail.data?.keyRecord && (
        <section aria-labelledby="key-record-title">
          <h3 id="key-record-title">Key record</h3>
          <dl className="facts">
            {Object.entries(detail.data.keyRecord)
              .filter(([k]) => k !== 'extra') // the raw copy; shown once below under "As sent by the provider"
              .map(([k, v]) => (
              <Fact key={k} label={k} value={recordValue(k, v)} />
            ))}
          </dl>
        </section>
      )}
      {session && (
        <div className="button-row">
          <button
            type="button"
            disabled={!capabilities?.message}
            aria-describedby={!capabilities?.message ? 'drawer-no-actions' : undefined}
            onClick={() => onMessage(session)}
          >
            Message
          </button>
          <button
            type="button"
            className="danger"
            disabled={!capabilities?.disconnect}
            aria-describedby={!capabilities?.disconnect ? 'drawer-no-actions' : undefined}
            onClick={() => onDisconnect(session)}
          >
            Disconnect
          </button>
        </div>
      )}
      {(!capabilities?.message || !capabilities.disconnect) && (
        <p id="drawer-no-actions" className="muted small">
          {reason}
        </p>
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
