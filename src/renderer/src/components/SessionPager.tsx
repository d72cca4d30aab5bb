import type { ProviderId } from '../../../shared/model';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import { useSessions } from '../stores/sessions-store';
import { count } from '../time-format';

/** Paging by each provider's rules: Junkie pages (limit ≤ 50), LuaAuth offsets, LuaProt none. */
export function SessionPager({ provider, shown }: { provider: ProviderId; shown: number }) {
  const page = useSessions((s) => s.page);
  const query = useSessions((s) => s.query);
  const setQuery = useSessions((s) => s.setQuery);
  const loaded = useSessions((s) => s.sessions.length);

  const paging = providerDescriptor(provider)?.capabilities.paging;
  if (paging === 'none') {
    return (
      <div className="pager" aria-label="Paging">
        <span className="muted">
          {shown === loaded ? `${count(loaded)} sessions` : `${count(shown)} of ${count(loaded)} sessions`}
        </span>
      </div>
    );
  }

  const limitSelect = (
    <select
      aria-label="Rows per page"
      value={query.limit}
      onChange={(e) => void setQuery({ limit: Number(e.target.value), page: 1, from: 0 })}
    >
      {[10, 20, 50].map((n) => (
        <option key={n} value={n}>
          {n} / page
        </option>
      ))}
    </select>
  );

  if (paging === 'pages') {
    const current = page.page ?? query.page;
    const pages = page.totalPages ?? 1;
    return (
      <div className="pager" aria-label="Paging">
        <button type="button" aria-label="Previous page" disabled={current <= 1} onClick={() => void setQuery({ page: current - 1 })}>
          ‹
        </button>
        <span>
          Page {current} of {Math.max(1, pages)} <span className="muted">· {count(page.total ?? loaded)} total</span>
        </span>
        <button type="button" aria-label="Next page" disabled={current >= pages} onClick={() => void setQuery({ page: current + 1 })}>
          ›
        </button>
        {limitSelect}
      </div>
    );
  }

  const from = page.from ?? query.from;
  return (
    <div className="pager" aria-label="Paging">
      <button
        type="button"
        aria-label="Previous page"
        disabled={from <= 0}
        onClick={() => void setQuery({ from: Math.max(0, from - query.limit) })}
      >
        ‹
      </button>
      <span>{loaded === 0 ? 'No rows' : `Rows ${from + 1}–${from + loaded}`}</span>
      <button type="button" aria-label="Next page" disabled={!page.hasMore} onClick={() => void setQuery({ from: from + loaded })}>
        ›
      </button>
      {limitSelect}
    </div>
  );
}
