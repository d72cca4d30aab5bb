import { useState } from 'react';
import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import { PROVIDER_NAMES, type Session } from '../../../shared/model';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { TargetRef } from '../stores/monitor-store';
import { useSessions } from '../stores/sessions-store';
import { NO_ID_REASON } from '../session-identity';
import { ago, count } from '../time-format';
import { useWideWindow } from '../wide-window';
import { BulkActions, SelectionToggle, type BulkRequest } from './BulkActions';
import { SessionList } from './SessionList';
import { SessionPager } from './SessionPager';
import { SessionSearch } from './SessionSearch';
import { SessionTable } from './SessionTable';

interface SessionsListPaneProps {
  target: TargetRef;
  capabilities: ProviderCapabilities | undefined;
  /** The rows shown (LuaProt: filtered here). */
  shown: Session[];
  /** The shown rows that can be acted on (they have an id). */
  visibleIds: string[];
  onOpen: (id: string, s: Session) => void;
  onRequest: (request: BulkRequest) => void;
}

/** The Sessions view ungrouped: search, pager and counts, the rows (a table when wide), the bulk bar. */
export function SessionsListPane({ target, capabilities: caps, shown, visibleIds, onOpen, onRequest }: SessionsListPaneProps) {
  const sessionsState = useSessions();
  const { selected, loading, error, loadedAt, localFilter, query } = sessionsState;
  // Wide (the detached window): a table with a column per fact; the panel keeps its two-line rows.
  const wide = useWideWindow();
  // Bumped to clear the search boxes, which keep their own draft while typing.
  const [searchGen, setSearchGen] = useState(0);
  const withoutId = shown.length - visibleIds.length;
  const provider = providerDescriptor(target.provider);
  const searchStyle = provider?.capabilities.search;
  const searching =
    searchStyle === 'local'
      ? localFilter.trim() !== ''
      : searchStyle === 'server'
        ? query.search.trim() !== ''
        : Object.values(query.filter).some((v) => typeof v === 'string' && v.trim() !== '');
  const clearSearch = () => {
    const store = useSessions.getState();
    store.setLocalFilter('');
    if (searchStyle !== 'local') void store.setQuery({ search: '', filter: {}, page: 1, from: 0 });
    setSearchGen((g) => g + 1);
  };
  const emptyList =
    loading ? (
      'Loading sessions…'
    ) : error ? (
      'The sessions could not be loaded (see above).'
    ) : searching ? (
      <>
        <p>No sessions match this search.</p>
        <button type="button" onClick={clearSearch}>
          Clear search
        </button>
      </>
    ) : (
      `Nobody is connected to ${target.label} right now.`
    );
  return (
    <>
      <SessionSearch key={`${target.accountId}:${target.targetId}:${searchGen}`} provider={target.provider} />
      <div className="toolbar sessions-meta">
        {caps?.bulk === 'ids' && <SelectionToggle visibleIds={visibleIds} />}
        {/* "Page 1 of 1 · 0 total" beside a load error would read as an empty list. */}
        {!(error && sessionsState.sessions.length === 0) && <SessionPager provider={target.provider} shown={shown.length} />}
        <span className="spacer" />
        {withoutId > 0 && (
          <span className="muted small no-id-count" title={NO_ID_REASON}>
            {count(withoutId)} without an id
          </span>
        )}
        <span className="muted small loaded-at">{loadedAt ? `Loaded ${ago(loadedAt)}` : ''}</span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {wide ? (
        <SessionTable
          sessions={shown}
          selectable={caps?.bulk === 'ids'}
          selected={selected}
          onToggle={sessionsState.toggle}
          onOpen={onOpen}
          empty={emptyList}
          disconnecting={sessionsState.disconnecting}
          pagedSortNote={
            caps?.paging && caps.paging !== 'none'
              ? `Sorted within this page: ${PROVIDER_NAMES[target.provider]} hands out sessions a page at a time.`
              : null
          }
        />
      ) : (
        <SessionList
          sessions={shown}
          selectable={caps?.bulk === 'ids'}
          selected={selected}
          onToggle={sessionsState.toggle}
          onOpen={onOpen}
          empty={emptyList}
          disconnecting={sessionsState.disconnecting}
        />
      )}
      {/* Under the list, so a bar that comes and goes with the selection never moves the rows. */}
      <BulkActions
        target={target}
        capabilities={caps}
        visibleIds={visibleIds}
        onRequest={onRequest}
        blocked={error ? 'Reload the sessions before acting on them.' : null}
      />
    </>
  );
}
