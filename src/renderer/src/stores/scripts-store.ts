import { create } from 'zustand';
import type { ScriptPatch, ScriptView } from '../../../shared/ipc-contract';
import { call, describeFailure } from '../api';

const keyOf = (accountId: string, scriptId: string) => `${accountId}:${scriptId}`;

interface ScriptEntry {
  script: ScriptView | null;
  error: string | null;
  busy: boolean;
}

/** LuaAuth scripts by account:script. The toggle is optimistic and rolled back if LuaAuth refuses. */
interface ScriptsState {
  entries: Record<string, ScriptEntry>;
  load(accountId: string, scriptId: string): Promise<void>;
  toggle(accountId: string, scriptId: string, enabled: boolean): Promise<string | null>;
  edit(accountId: string, scriptId: string, patch: ScriptPatch): Promise<string | null>;
}

export const useScripts = create<ScriptsState>()((set, get) => {
  const put = (k: string, patch: Partial<ScriptEntry>) =>
    set((s) => ({ entries: { ...s.entries, [k]: { script: null, error: null, busy: false, ...s.entries[k], ...patch } } }));
  return {
    entries: {},
    async load(accountId, scriptId) {
      const k = keyOf(accountId, scriptId);
      put(k, { busy: true });
      try {
        put(k, { script: await call('scripts:get', { accountId, scriptId }), error: null, busy: false });
      } catch (err) {
        put(k, { error: describeFailure(err), busy: false });
      }
    },
    async toggle(accountId, scriptId, enabled) {
      const k = keyOf(accountId, scriptId);
      const before = get().entries[k]?.script;
      if (!before) return 'Script not loaded';
      put(k, { script: { ...before, enabled }, busy: true, error: null });
      try {
        put(k, { script: await call('scripts:toggle', { accountId, scriptId, enabled }), busy: false });
        return null;
      } catch (err) {
        const message = describeFailure(err);
        const current = get().entries[k]?.script ?? before;
        put(k, { script: { ...current, enabled: before.enabled }, busy: false, error: message });
        return message;
      }
    },
    async edit(accountId, scriptId, patch) {
      const k = keyOf(accountId, scriptId);
      put(k, { busy: true, error: null });
      try {
        put(k, { script: await call('scripts:edit', { accountId, scriptId, patch }), busy: false });
        return null;
      } catch (err) {
        const message = describeFailure(err);
        put(k, { busy: false, error: message });
        return message;
      }
    },
  };
});

export const scriptKey = keyOf;
