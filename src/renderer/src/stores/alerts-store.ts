import { create } from 'zustand';
import type { AlertEvent, AlertRule, QuietHours } from '../../../shared/alerts';
import type { AlertSettings } from '../../../shared/ipc-contract';
import { call } from '../api';

/**
 * Unsaved edits to the alert rules. They live here, not in the view, so switching to another view and
 * back keeps them (Pulsebar's one rule for unsaved edits: kept until saved or discarded, never lost
 * silently). `removed` rules stay listed with an Undo until the edits are saved or discarded.
 */
export interface RulesDraft {
  rules: AlertRule[];
  removed: string[];
  /** The rule whose form is open, and the rule as it was when it opened (for Cancel). */
  editing: { id: string; before: AlertRule | null } | null;
}

/** Alert rules, quiet hours, pause, and the history (newest first). */
interface AlertsState {
  settings: AlertSettings | null;
  log: AlertEvent[];
  draft: RulesDraft | null;
  /** Unsaved quiet hours, kept across views like the rules. */
  quietDraft: QuietHours | null;
  load(): Promise<void>;
  saveRules(rules: AlertRule[]): Promise<void>;
  saveQuietHours(quiet: QuietHours): Promise<void>;
  pause(minutes: number | null): Promise<void>;
  /**
   * The alert settings as main pushed them (`alerts:changed`): changed by this window, another, or the
   * tray's "Pause alerts". This store is the renderer's one reader of them; unsaved drafts stay as they are.
   */
  changed(settings: AlertSettings): void;
  fired(events: AlertEvent[]): void;
  /** Changes one rule (or adds it at the end, when `added`) in the draft. */
  editRule(rule: AlertRule, added?: boolean): void;
  openRule(id: string | null): void;
  /** Closes the open form, putting its rule back as it was (a rule added and cancelled goes away). */
  cancelRule(): void;
  removeRule(id: string): void;
  undoRemove(id: string): void;
  discardDraft(): void;
  /** Saves the draft's rules (without the removed ones) and clears the draft. */
  saveDraft(): Promise<void>;
  setQuietDraft(quiet: QuietHours | null): void;
}

const newestFirst = (events: AlertEvent[]) => [...events].sort((a, b) => b.at - a.at);

export const useAlerts = create<AlertsState>()((set, get) => {
  /** The draft to change: the current one, or a fresh one from the saved rules. */
  const draftOf = (): RulesDraft => get().draft ?? { rules: [...(get().settings?.rules ?? [])], removed: [], editing: null };
  return {
    settings: null,
    log: [],
    draft: null,
    quietDraft: null,
    async load() {
      const [settings, log] = await Promise.all([call('alerts:get'), call('alerts:log')]);
      set({ settings, log: newestFirst(log) });
    },
    async saveRules(rules) {
      set({ settings: await call('alerts:setRules', { rules }) });
    },
    async saveQuietHours(quiet) {
      set({ settings: await call('alerts:setQuietHours', quiet), quietDraft: null });
    },
    async pause(minutes) {
      set({ settings: await call('alerts:pause', { minutes }) });
    },
    changed(settings) {
      set({ settings });
    },
    fired(events) {
      set((s) => {
        const known = new Set(s.log.map((e) => e.id));
        return { log: newestFirst([...events.filter((e) => !known.has(e.id)), ...s.log]).slice(0, 200) };
      });
    },
    editRule(rule, added = false) {
      const d = draftOf();
      if (added) set({ draft: { ...d, rules: [...d.rules, rule], editing: { id: rule.id, before: null } } });
      else set({ draft: { ...d, rules: d.rules.map((r) => (r.id === rule.id ? rule : r)) } });
    },
    openRule(id) {
      const d = draftOf();
      const rule = id === null ? undefined : d.rules.find((r) => r.id === id);
      set({ draft: { ...d, editing: rule ? { id: rule.id, before: rule } : null } });
    },
    cancelRule() {
      const d = get().draft;
      if (!d?.editing) return;
      const { id, before } = d.editing;
      const rules = before ? d.rules.map((r) => (r.id === id ? before : r)) : d.rules.filter((r) => r.id !== id);
      set({ draft: { ...d, rules, editing: null } });
    },
    removeRule(id) {
      const d = draftOf();
      set({ draft: { ...d, removed: [...d.removed, id], editing: d.editing?.id === id ? null : d.editing } });
    },
    undoRemove(id) {
      const d = draftOf();
      set({ draft: { ...d, removed: d.removed.filter((x) => x !== id) } });
    },
    discardDraft() {
      set({ draft: null });
    },
    async saveDraft() {
      const d = get().draft;
      if (!d) return;
      const removed = new Set(d.removed);
      await get().saveRules(d.rules.filter((r) => !removed.has(r.id)));
      set({ draft: null });
    },
    setQuietDraft(quiet) {
      set({ quietDraft: quiet });
    },
  };
});

/** True when the draft differs from what is saved (an opened, untouched form is not a change). */
export function draftChanged(draft: RulesDraft | null, saved: readonly AlertRule[]): boolean {
  if (!draft) return false;
  if (draft.removed.length > 0) return true;
  return JSON.stringify(draft.rules) !== JSON.stringify(saved);
}
