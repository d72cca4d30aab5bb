import { create } from 'zustand';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { SessionDetail, SessionQuery } from '../../../shared/ipc-contract';
import type { ProviderId, Session, SessionPage } from '../../../shared/model';
import { call, describeFailure } from '../api';

export type LuaAuthFilter = NonNullable<SessionQuery['filter']>;

/**
 * The session list of one target, fetched on demand (never polled in the background).
 * Each provider pages and searches its own way: Junkie server search + pages, LuaAuth offset + filters,
 * LuaProt one full list filtered here.
 */
interface SessionsState {
  accountId: string | null;
  targetId: string | null;
  provider: ProviderId | null;
  sessions: Session[];
  page: Omit<SessionPage, 'sessions'>;
  /** Junkie page/limit/search, LuaAuth from/limit/filter. */
  query: { page: number; limit: number; search: string; from: number; filter: LuaAuthFilter };
  /** LuaProt only: filtered in the window. */
  localFilter: string;
  loading: boolean;
  error: string | null;
  loadedAt: number | null;
  selected: ReadonlySet<string>;
  /** The session open in the drawer; `loading` while main is asked for its details. */
  detail: { sessionId: string; data: SessionDetail | null; error: string | null; loading: boolean; row?: Session } | null;

  open(accountId: string, targetId: string, provider: ProviderId): Promise<void>;
  load(): Promise<void>;
  setQuery(patch: Partial<SessionsState['query']>): Promise<void>;
  setLocalFilter(text: string): void;
  toggle(id: string): void;
  selectOnly(ids: string[]): void;
  clearSelection(): void;
  /** `withInfo` false: the provider has no single-session route (capabilities.sessionInfo), show the listed row only. */
  openDetail(sessionId: string, withInfo?: boolean, row?: Session): Promise<void>;
  closeDetail(): void;
  /** LuaProt sessions disconnected but still listed (they linger up to 90 s): marked, no actions. */
  disconnecting: ReadonlySet<string>;
  markDisconnecting(ids: string[]): void;
  /** Disconnects one session and closes its drawer; `lingers` (LuaProt) marks the row until it goes. */
  disconnect(accountId: string, sessionId: string, lingers: boolean): Promise<{ message: string }>;
  /** Disconnects the selected sessions and clears the selection. */
  disconnectMany(accountId: string, sessionIds: string[]): Promise<{ message: string; count?: number }>;
  /** Disconnects a whole hub or key; a hub's listed rows are marked (LuaProt may list them a while longer). */
  disconnectScope(accountId: string, scope: { hubId: string } | { key: string }): Promise<{ message: string; count?: number }>;
}

const firstQuery = (): SessionsState['query'] => ({ page: 1, limit: 50, search: '', from: 0, filter: {} });

let requestSeq = 0;

export const useSessions = create<SessionsState>()((set, get) => ({
  accountId: null,
  targetId: null,
  provider: null,
  sessions: [],
  page: {},
  query: firstQuery(),
  localFilter: '',
  loading: false,
  error: null,
  loadedAt: null,
  selected: new Set(),
  detail: null,
  disconnecting: new Set(),

  markDisconnecting(ids) {
    set((s) => ({ disconnecting: new Set([...s.disconnecting, ...ids]) }));
  },

  async disconnect(accountId, sessionId, lingers) {
    const r = await call('sessions:disconnect', { accountId, sessionId });
    get().closeDetail();
    if (lingers) get().markDisconnecting([sessionId]);
    return r;
  },

  async disconnectMany(accountId, sessionIds) {
    const r = await call('sessions:disconnectMany', { accountId, sessionIds });
    get().clearSelection();
    return r;
  },

  async disconnectScope(accountId, scope) {
    const r = await call('sessions:disconnectMany', { accountId, scope });
    // Everyone listed in the hub was disconnected; LuaProt may list them a while longer.
    if ('hubId' in scope) get().markDisconnecting(get().sessions.map((x) => x.id));
    return r;
  },

  async open(accountId, targetId, provider) {
    const s = get();
    if (s.accountId === accountId && s.targetId === targetId) return s.load();
    set({
      accountId,
      targetId,
      provider,
      sessions: [],
      page: {},
      query: firstQuery(),
      localFilter: '',
      selected: new Set(),
      detail: null,
      disconnecting: new Set(),
      error: null,
      loadedAt: null,
    });
    return get().load();
  },

  async load() {
    const { accountId, targetId, provider, query } = get();
    if (!accountId || !targetId || !provider) return;
    const seq = ++requestSeq;
    const request: SessionQuery = { accountId, targetId };
    // Paged the provider's way (its descriptor): numbered pages, offsets, or one whole list.
    const paging = providerDescriptor(provider)?.capabilities.paging;
    if (paging === 'pages') {
      request.page = query.page;
      request.limit = Math.min(50, query.limit);
      if (query.search.trim()) request.search = query.search.trim();
    } else if (paging === 'offset') {
      request.from = query.from;
      request.limit = query.limit;
      const filter = Object.fromEntries(
        Object.entries(query.filter).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
      ) as LuaAuthFilter;
      if (Object.keys(filter).length > 0) request.filter = filter;
    }
    set({ loading: true, error: null });
    try {
      const { sessions, ...page } = await call('sessions:list', request);
      // A slower, older answer must not overwrite a newer one (typing in search fires several).
      if (seq !== requestSeq) return;
      const present = new Set(sessions.map((x) => x.id));
      set((s) => ({
        sessions,
        page,
        loading: false,
        loadedAt: Date.now(),
        selected: new Set([...s.selected].filter((id) => present.has(id))),
        // A disconnected row keeps its mark until LuaProt stops listing it.
        disconnecting: new Set([...s.disconnecting].filter((id) => present.has(id))),
      }));
    } catch (err) {
      if (seq !== requestSeq) return;
      set({ loading: false, error: describeFailure(err) });
    }
  },

  async setQuery(patch) {
    set((s) => ({ query: { ...s.query, ...patch } }));
    return get().load();
  },

  setLocalFilter(text) {
    set({ localFilter: text });
  },

  toggle(id) {
    set((s) => {
      const next = new Set(s.selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return { selected: next };
    });
  },
  selectOnly(ids) {
    set({ selected: new Set(ids) });
  },
  clearSelection() {
    set({ selected: new Set() });
  },

  async openDetail(sessionId, withInfo = true, row) {
    const { accountId } = get();
    if (!accountId) return;
    // `row`: a session opened from a group (sessions:groups), which may not be on the listed page.
    set({ detail: { sessionId, data: null, error: null, loading: withInfo, ...(row ? { row } : {}) } });
    if (!withInfo) return;
    try {
      const data = await call('sessions:info', { accountId, sessionId });
      if (get().detail?.sessionId === sessionId) set({ detail: { sessionId, data, error: null, loading: false, ...(row ? { row } : {}) } });
    } catch (err) {
      if (get().detail?.sessionId === sessionId) {
        set({ detail: { sessionId, data: null, error: describeFailure(err), loading: false, ...(row ? { row } : {}) } });
      }
    }
  },
  closeDetail() {
    set({ detail: null });
  },
}));

/** LuaProt's list is filtered here: username, ids, job, universe and key, case-insensitive. */
export function filterLocally(sessions: Session[], text: string): Session[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return sessions;
  return sessions.filter(
    (s) =>
      s.id.toLowerCase().includes(needle) ||
      (s.username?.toLowerCase().includes(needle) ?? false) ||
      (s.jobId?.toLowerCase().includes(needle) ?? false) ||
      (s.universeId?.includes(needle) ?? false) ||
      (s.placeId?.includes(needle) ?? false) ||
      (s.userKey?.toLowerCase().includes(needle) ?? false),
  );
}
