import { useEffect, useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { ProviderId } from '../../../shared/model';
import { useSessions, type LuaAuthFilter } from '../stores/sessions-store';
import { SessionFilters, type FilterField } from './SessionFilters';

/** Waits for typing to pause before asking the provider, so one search costs one request. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

function JunkieSearch() {
  const setQuery = useSessions((s) => s.setQuery);
  const current = useSessions((s) => s.query.search);
  const [text, setText] = useState(current);
  const settled = useDebounced(text, 300);
  useEffect(() => {
    if (settled !== useSessions.getState().query.search) void setQuery({ search: settled, page: 1 });
  }, [settled, setQuery]);
  return (
    <input
      type="search"
      data-search
      className="search"
      aria-label="Search by username"
      placeholder="Search username (Ctrl+F)"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
}

function LuaProtFilter() {
  const text = useSessions((s) => s.localFilter);
  const setLocalFilter = useSessions((s) => s.setLocalFilter);
  return (
    <input
      type="search"
      data-search
      className="search"
      aria-label="Filter sessions"
      placeholder="Filter by name, job, universe… (Ctrl+F)"
      value={text}
      onChange={(e) => setLocalFilter(e.target.value)}
    />
  );
}

const LUAAUTH_FIELDS: ReadonlyArray<FilterField<keyof LuaAuthFilter>> = [
  { field: 'key', label: 'Key' },
  { field: 'roblox_id', label: 'Roblox id' },
  { field: 'place_id', label: 'Place id' },
  { field: 'job_id', label: 'Job id' },
];

/**
 * LuaAuth has no free-text search, only filters. The one search box is its key filter (the field a
 * seller looks up most: "my key does not work"); all four filters sit in the popover, the key again
 * with the same value, so the popover shows everything that narrows the list.
 */
function LuaAuthFilters() {
  const setQuery = useSessions((s) => s.setQuery);
  const [draft, setDraft] = useState<LuaAuthFilter>(() => useSessions.getState().query.filter);
  const settled = useDebounced(draft, 400);
  useEffect(() => {
    if (JSON.stringify(settled) !== JSON.stringify(useSessions.getState().query.filter)) void setQuery({ filter: settled, from: 0 });
  }, [settled, setQuery]);
  return (
    <>
      <input
        type="search"
        className="search"
        data-search
        aria-label="Filter by key"
        placeholder="Key (Ctrl+F)"
        value={draft.key ?? ''}
        onChange={(e) => setDraft({ ...draft, key: e.target.value })}
      />
      <SessionFilters fields={LUAAUTH_FIELDS} values={draft} onChange={(field, value) => setDraft({ ...draft, [field]: value })} onClear={() => setDraft({})} />
    </>
  );
}

/**
 * One search row whatever the provider: Junkie searches on the server, LuaProt filters here, LuaAuth
 * filters on the server with its extra filters behind a Filters button.
 */
export function SessionSearch({ provider }: { provider: ProviderId }) {
  const search = providerDescriptor(provider)?.capabilities.search;
  return (
    <div className="search-row" role="search" aria-label="Search sessions">
      {search === 'server' ? <JunkieSearch /> : search === 'filters' ? <LuaAuthFilters /> : <LuaProtFilter />}
    </div>
  );
}
