import { useMemo } from 'react';
import { ScriptCard } from '../components/ScriptCard';
import { allTargets, useMonitor } from '../stores/monitor-store';

/** LuaAuth scripts being watched (directly or found through a project). Other providers have no script controls. */
export function ScriptsView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const scripts = useMemo(
    () => allTargets(snapshot).filter((t) => t.provider === 'luaauth' && t.kind === 'script'),
    [snapshot],
  );
  return (
    <section className="scripts-view" aria-labelledby="scripts-title">
      <h2 id="scripts-title" className="section-title">
        LuaAuth scripts
      </h2>
      {scripts.length === 0 ? (
        <p className="muted">
          No LuaAuth scripts watched. Junkie and LuaProt offer no script controls; add a LuaAuth account with a project or
          script id in Accounts.
        </p>
      ) : (
        <ul className="script-list">
          {scripts.map((t) => (
            <ScriptCard key={`${t.accountId}:${t.targetId}`} accountId={t.accountId} scriptId={t.targetId} label={t.label} />
          ))}
        </ul>
      )}
    </section>
  );
}
