import { SESSION_GROUPS_PAGE } from '../../../shared/session-groups';
import { providerInvalidInput } from '../../core/core-errors';
import type { ActionModule } from '../module';
import { asJunkie } from './client-of';

/** Junkie lists (paged, searched by Junkie) and counts; it has no session or script actions. */
export const junkieActions: ActionModule = {
  list(client, q, _target, opts) {
    const query: { page?: number; limit?: number; search?: string } = {};
    if (q.page !== undefined) query.page = q.page;
    if (q.limit !== undefined) query.limit = q.limit;
    if (q.search) query.search = q.search;
    return asJunkie(client).sessions(q.targetId, query, opts);
  },
  async readAll(call, _target, targetId, sink) {
    let total: number | undefined;
    const read = (capped: boolean) => ({ ...(total !== undefined ? { total } : {}), capped });
    for (let page = 1; !sink.full(); page++) {
      const got = await call((client, signal) => asJunkie(client).sessions(targetId, { page, limit: SESSION_GROUPS_PAGE }, signal ? { signal } : {}));
      total = got.total ?? total;
      sink.add(got.sessions);
      const lastPage = got.totalPages !== undefined ? page >= got.totalPages : got.sessions.length < SESSION_GROUPS_PAGE;
      if (got.sessions.length === 0 || lastPage) return read(false);
    }
    return read(true);
  },
  groupNotes: () => ['Junkie\u2019s session list gives no user key, so sessions cannot be grouped by key.'],
  async info() {
    throw providerInvalidInput('junkie', 'Junkie has no single-session route: the session list already shows every field Junkie gives.');
  },
};
