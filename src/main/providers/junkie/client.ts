import type { SessionPage } from '../../../shared/model';
import { JUNKIE_SERVICES_ROUTE } from './assumptions';
import { classifyJunkie } from './errors';
import { createProviderHttp } from '../http';
import {
  junkieLiveCountsSchema,
  junkieServicesSchema,
  junkieSessionPageSchema,
  toJunkieCounts,
  toJunkiePage,
  toJunkieService,
} from './schema';
import { ReadNotes, reportNotes } from '../read-notes';
import type { CallOptions, ClientOptions, JunkieClient, JunkieLiveCounts, JunkieService } from '../types';

export const JUNKIE_MAX_LIMIT = 50;

const signalOf = (opts?: CallOptions): { signal?: AbortSignal } => (opts?.signal ? { signal: opts.signal } : {});

/** Junkie REST v2: live counts per script, a paged session list per script, services. No actions exist. */
export function createJunkieClient(options: ClientOptions): JunkieClient {
  const http = createProviderHttp('junkie', options, { classify: classifyJunkie });

  return {
    provider: 'junkie',

    async liveCounts(opts?: CallOptions): Promise<JunkieLiveCounts> {
      const body = await http.call({ method: 'GET', route: '/live-users', ...signalOf(opts) }, junkieLiveCountsSchema);
      const notes = new ReadNotes('junkie');
      const counts = toJunkieCounts(body, notes);
      reportNotes(notes, opts?.onReadNotes);
      return counts;
    },

    async sessions(scriptId, query = {}, opts?: CallOptions): Promise<SessionPage> {
      const route = '/live-users/{id}';
      const { page, limit, search } = query;
      if (page !== undefined && !(Number.isInteger(page) && page >= 1)) {
        throw http.refuse('GET', route, `page must be a whole number of at least 1 (got ${String(page)}).`);
      }
      if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= JUNKIE_MAX_LIMIT)) {
        throw http.refuse('GET', route, `limit must be a whole number from 1 to ${JUNKIE_MAX_LIMIT} (got ${String(limit)}).`);
      }
      const body = await http.call(
        {
          method: 'GET',
          route,
          params: { id: scriptId },
          query: { page, limit, search: search === '' ? undefined : search },
          ...signalOf(opts),
        },
        junkieSessionPageSchema,
      );
      const notes = new ReadNotes('junkie');
      const result = toJunkiePage(body, scriptId, notes, { ...(page !== undefined ? { page } : {}), ...(limit !== undefined ? { limit } : {}) });
      reportNotes(notes, opts?.onReadNotes);
      return result;
    },

    async services(opts?: CallOptions): Promise<JunkieService[]> {
      const body = await http.call({ method: 'GET', route: '/services', assumption: JUNKIE_SERVICES_ROUTE, ...signalOf(opts) }, junkieServicesSchema);
      const notes = new ReadNotes('junkie');
      const services = body.services.map((s) => toJunkieService(s, notes));
      reportNotes(notes, opts?.onReadNotes);
      return services;
    },
  };
}
