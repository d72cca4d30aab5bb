import { useMemo } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { ScriptCard } from '../components/ScriptCard';
import { allTargets, useMonitor } from '../stores/monitor-store';

/** LuaAuth scripts being watched (directly or found through a project). Other providers have no script controls. */
export function ScriptsView() {
  const snapshot = useMonitor((s) => s.snapshot);
  const scripts = useMemo(() => {
    const list = allTargets(snapshot).filter((t) => providerDescriptor(t.provider)?.capabilities.scripts && t.kind === 'script');
    // The same script name in two accounts (e.g. demo and real, or two sellers' copies) would give two
    // cards and switches nobody can tell apart: those name their account.
    const seen = new Map<string, number>();
    for (const t of list) seen.set(t.targetId, (seen.get(t.targetId) ?? 0) + 1);
    return list.map((t) => ({ ...t, repeated: (seen.get(t.targetId) ?? 0) > 1 }));
  }, [snapshot]);
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
            <ScriptCard
              key={`${t.accountId}:${t.targetId}`}
              accountId={t.accountId}
              scriptId={t.targetId}
              label={t.label}
              {...(t.repeated ? { account: t.accountLabel } : {})}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
