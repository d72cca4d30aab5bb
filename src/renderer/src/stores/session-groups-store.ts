import { create } from 'zustand';
import type { SessionGroupsView } from '../../../shared/ipc-contract';
import { call, describeFailure } from '../api';

export type GroupBy = 'list' | 'game' | 'server' | 'key';
/** The group whose sessions are shown; `shared` is a flagged key (possible key sharing). */
export interface OpenGroup {
  by: Exclude<GroupBy, 'list'> | 'shared';
  key: string;
}

/**
 * Who is playing where for the target open in Sessions: read on demand (sessions:groups reads every
 * page, so it is asked for only when the user groups, never in the background).
 */
interface GroupsState {
  by: GroupBy;
  target: { accountId: string; targetId: string } | null;
  view: SessionGroupsView | null;
  loading: boolean;
  error: string | null;
  open: OpenGroup | null;
  setBy(by: GroupBy): void;
  load(accountId: string, targetId: string): Promise<void>;
  openGroup(group: OpenGroup | null): void;
}

let seq = 0;

export const useSessionGroups = create<GroupsState>()((set, get) => ({
  by: 'list',
  target: null,
  view: null,
  loading: false,
  error: null,
  open: null,
  setBy(by) {
    set({ by, open: null });
  },
  async load(accountId, targetId) {
    const mine = ++seq;
    const same = get().target?.accountId === accountId && get().target?.targetId === targetId;
    set({ target: { accountId, targetId }, loading: true, error: null, ...(same ? {} : { view: null, open: null }) });
    try {
      const view = await call('sessions:groups', { accountId, targetId });
      if (mine === seq) set({ view, loading: false });
    } catch (err) {
      if (mine === seq) set({ loading: false, error: describeFailure(err) });
    }
  },
  openGroup(open) {
    set({ open });
  },
}));
