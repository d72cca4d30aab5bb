import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ScriptPatch, ScriptView } from '../../../shared/ipc-contract';
import { useMonitor } from '../stores/monitor-store';
import { scriptKey, useScripts } from '../stores/scripts-store';
import { useUi } from '../stores/ui-store';
import { plural } from '../../../shared/plural';
import { count } from '../time-format';
import { ConfirmDialog } from './ConfirmDialog';
import { TimeChart } from './TimeChart';

/**
 * Live users of a script as the last poll counted them (null: not known — not polled yet or not live).
 * A script watched through its LuaAuth project is one of the project target's children, counted there.
 */
function useLiveCount(accountId: string, scriptId: string): number | null {
  return useMonitor((s) => {
    const account = s.snapshot?.accounts.find((a) => a.account.id === accountId);
    if (!account || account.stale) return null;
    const own = account.targets.find((t) => t.id === scriptId);
    if (own) return own.count ?? null;
    return account.targets.flatMap((t) => t.children ?? []).find((c) => c.id === scriptId)?.count ?? null;
  });
}

const FLAGS: Array<{ field: keyof ScriptPatch & string; view: keyof ScriptView; label: string }> = [
  { field: 'free_for_all', view: 'freeForAll', label: 'Free for all' },
  { field: 'use_heartbeat', view: 'useHeartbeat', label: 'Use heartbeat' },
  { field: 'kick_outdated', view: 'kickOutdated', label: 'Kick outdated' },
  { field: 'require_sessions', view: 'requireSessions', label: 'Require sessions' },
];

/** A day key of LuaAuth's executions map as epoch ms (UTC midnight), or NaN. */
export function executionDay(day: string, now = Date.now()): number {
  // "MM/DD" (what LuaAuth sends: the last days, no year). Date.parse would read it as the year 2001.
  const md = /^(\d{1,2})\/(\d{1,2})$/.exec(day);
  if (md) {
    const year = new Date(now).getUTCFullYear();
    const t = Date.UTC(year, Number(md[1]) - 1, Number(md[2]));
    // A day "in the future" belongs to last year (the first days of January show late December).
    return t > now + 86_400_000 ? Date.UTC(year - 1, Number(md[1]) - 1, Number(md[2])) : t;
  }
  if (/^\d+$/.test(day)) return Number(day) * (day.length <= 10 ? 1000 : 1);
  return Date.parse(day);
}

/** LuaAuth's executions map: day keys to counts, oldest first. */
function executionPoints(executions: Record<string, number>): Array<{ t: number; v: number }> {
  const now = Date.now();
  return Object.entries(executions)
    .map(([day, v]) => ({ t: executionDay(day, now), v }))
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t);
}

function ScriptSettingsForm({ accountId, script }: { accountId: string; script: ScriptView }) {
  const edit = useScripts((s) => s.edit);
  const notify = useUi((s) => s.notify);
  const [name, setName] = useState(script.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const nameErrorId = `script-name-error-${script.id}`;
  const [flags, setFlags] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(FLAGS.map((f) => [f.field, Boolean(script[f.view])])),
  );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // An emptied name is refused here, at the field: it used to be dropped silently ("Nothing changed.").
    if (!name.trim()) return setNameError('A name is required.');
    const patch: ScriptPatch = {};
    if (name.trim() !== script.name) patch.name = name.trim();
    for (const f of FLAGS) if (flags[f.field] !== Boolean(script[f.view])) patch[f.field as 'free_for_all'] = flags[f.field];
    if (Object.keys(patch).length === 0) return notify('Nothing changed.', 'info');
    const failure = await edit(accountId, script.id, patch);
    notify(failure ? `LuaAuth refused the change: ${failure}` : `Saved ${name.trim() || script.name}.`, failure ? 'error' : 'info');
  };
  return (
    <form className="form" aria-label={`Settings of ${script.name}`} onSubmit={submit}>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          aria-invalid={nameError !== null}
          aria-describedby={nameError ? nameErrorId : undefined}
          onChange={(e) => {
            setName(e.target.value);
            if (e.target.value.trim()) setNameError(null);
          }}
        />
        {nameError && (
          <span id={nameErrorId} className="error-text" role="alert">
            {nameError}
          </span>
        )}
      </label>
      <div className="flag-grid">
        {FLAGS.map((f) => (
          <label key={f.field} className="check">
            <input
              type="checkbox"
              checked={flags[f.field] ?? false}
              onChange={(e) => setFlags({ ...flags, [f.field]: e.target.checked })}
            />
            {f.label}
          </label>
        ))}
      </div>
      <div className="button-row">
        <button type="submit" className="primary">
          Save settings
        </button>
      </div>
    </form>
  );
}

/** One LuaAuth script: on/off at once (rolled back if refused), settings, executions per day. */
export function ScriptCard({ accountId, scriptId, label, account }: { accountId: string; scriptId: string; label: string; account?: string }) {
  const entry = useScripts((s) => s.entries[scriptKey(accountId, scriptId)]);
  const load = useScripts((s) => s.load);
  const toggle = useScripts((s) => s.toggle);
  const notify = useUi((s) => s.notify);
  const [open, setOpen] = useState(false);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const live = useLiveCount(accountId, scriptId);
  useEffect(() => {
    void load(accountId, scriptId);
  }, [accountId, scriptId, load]);
  const script = entry?.script;
  const points = useMemo(() => executionPoints(script?.executions ?? {}), [script?.executions]);
  // `account` is given when the same script shows for several accounts: the name says which card is which.
  const name = `${script?.name || label}${account ? ` (${account})` : ''}`;

  const setEnabled = async (enabled: boolean) => {
    const failure = await toggle(accountId, scriptId, enabled);
    if (failure) notify(`${name} was not ${enabled ? 'enabled' : 'disabled'}: ${failure}`, 'error');
    else notify(`${name} is now ${enabled ? 'enabled' : 'disabled'}.`, 'info');
    return failure;
  };
  // Turning a script off affects everyone running it, so it is confirmed with how many that is;
  // turning it on is harmless and happens at once.
  const flip = () => {
    if (!script) return;
    if (script.enabled === false) void setEnabled(true);
    else setConfirmingOff(true);
  };

  return (
    <li className="card script-card" aria-label={`Script ${name}`}>
      <div className="row">
        <div>
          <strong>{name}</strong>
          <div className="muted small">
            {script
              ? `${count(script.totalSessions)} sessions · ${count(script.totalInstances)} instances · ${count(script.totalExecutions)} executions`
              : entry?.busy
                ? 'Loading…'
                : ''}
          </div>
        </div>
        <span className="spacer" />
        <span className="muted small">{script ? (script.enabled === null ? 'State unknown' : script.enabled ? 'Enabled' : 'Disabled') : ''}</span>
        <button
          type="button"
          role="switch"
          className="switch"
          aria-checked={script?.enabled ?? false}
          aria-label={`${name} enabled`}
          disabled={!script || entry?.busy}
          onClick={flip}
        >
          <span className="switch-knob" aria-hidden="true" />
        </button>
      </div>
      {entry?.error && (
        <div className="row">
          <p className="error-text" role="alert">
            {entry.error}
          </p>
          {!script && (
            <button type="button" disabled={entry.busy} onClick={() => void load(accountId, scriptId)}>
              Try again
            </button>
          )}
        </div>
      )}
      {script && (
        <>
          <TimeChart
            label={`Executions per day of ${name}`}
            points={points}
            height={110}
            bars
            daily
            seriesLabel="Executions"
            emptyText="No executions per day reported yet"
          />
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide settings' : `Edit settings of ${name}`}
          </button>
          {open && <ScriptSettingsForm key={script.id + script.name} accountId={accountId} script={script} />}
        </>
      )}
      {confirmingOff && (
        <ConfirmDialog
          title={`Disable ${name}?`}
          message={
            live === null
              ? 'How many users are live on it is not known right now. Anyone running it is affected.'
              : live === 0
                ? 'Nobody is live on it right now (last poll).'
                : `${plural(live, 'user is', 'users are')} live on it right now (last poll); they are affected.`
          }
          confirmLabel="Disable"
          danger
          onConfirm={async () => {
            // A refusal is shown on the card (and in a notice); the dialog closes either way.
            await setEnabled(false);
          }}
          onClose={() => setConfirmingOff(false)}
        />
      )}
    </li>
  );
}
