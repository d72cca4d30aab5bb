import { create } from 'zustand';

export type ViewId = 'overview' | 'insights' | 'sessions' | 'scripts' | 'alerts' | 'accounts' | 'settings';

/** Each view's name: its nav button and its page heading (one source, so they never disagree). */
export const VIEW_LABELS: Record<ViewId, string> = {
  overview: 'Overview',
  insights: 'Insights',
  sessions: 'Sessions',
  scripts: 'Scripts',
  alerts: 'Alerts',
  accounts: 'Accounts',
  settings: 'Settings',
};

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'alert' | 'error';
}

/** Which view is shown, which target it is about, and the transient notices along the top. */
interface UiState {
  view: ViewId;
  target: { accountId: string; targetId: string } | null;
  notices: Notice[];
  show(view: ViewId): void;
  openTarget(accountId: string, targetId: string | undefined): void;
  notify(text: string, tone?: Notice['tone']): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const useUi = create<UiState>()((set) => ({
  view: 'overview',
  target: null,
  notices: [],
  show(view) {
    set({ view });
  },
  openTarget(accountId, targetId) {
    set((s) => ({
      view: 'sessions',
      target: targetId ? { accountId, targetId } : s.target?.accountId === accountId ? s.target : null,
    }));
  },
  notify(text, tone = 'info') {
    const id = nextNoticeId++;
    // Keep the last few only: a compact panel has no room for a backlog.
    set((s) => ({ notices: [...s.notices, { id, text, tone }].slice(-4) }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
}));
