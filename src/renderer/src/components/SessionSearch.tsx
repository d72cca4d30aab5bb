import { useEffect, useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { ProviderId } from '../../../shared/model';
import { useSessions, type LuaAuthFilter } from '../stores/sessions-store';

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

const LUAAUTH_FIELDS: Array<{ field: keyof LuaAuthFilter; label: string }> = [
  { field: 'key', label: 'Key' },
  { field: 'roblox_id', label: 'Roblox id' },
  { field: 'place_id', label: 'Place id' },
  { field: 'job_id', label: 'Job id' },
];

function LuaAuthFilters() {
  const setQuery = useSessions((s) => s.setQuery);
  const [draft, setDraft] = useState<LuaAuthFilter>(() => useSessions.getState().query.filter);
  const settled = useDebounced(draft, 400);
  useEffect(() => {
    if (JSON.stringify(settled) !== JSON.stringify(useSessions.getState().query.filter)) void setQuery({ filter: settled, from: 0 });
  }, [settled, setQuery]);
  return (
    <div className="filter-grid" role="group" aria-label="Filters">
      {LUAAUTH_FIELDS.map((f, i) => (
        <input
          key={f.field}
          type="search"
          className="search"
          data-search={i === 0 ? true : undefined}
          aria-label={`Filter by ${f.label.toLowerCase()}`}
          placeholder={i === 0 ? `${f.label} (Ctrl+F)` : f.label}
          value={draft[f.field] ?? ''}
          onChange={(e) => setDraft({ ...draft, [f.field]: e.target.value })}
        />
      ))}
    </div>
  );
}

/** Each provider searches its own way: Junkie on the server, LuaAuth by filters, LuaProt locally. */
export function SessionSearch({ provider }: { provider: ProviderId }) {
  const search = providerDescriptor(provider)?.capabilities.search;
  if (search === 'server') return <JunkieSearch />;
  if (search === 'filters') return <LuaAuthFilters />;
  return <LuaProtFilter />;
}
