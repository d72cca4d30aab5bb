import { asProviderErrorInfo } from '../../core/core-errors';
import type { ProbeModule } from '../module';
import { providerNamed, targetLabelOf } from '../module';
import { asLuaProt } from './client-of';
import { orNoSessions } from './empty-answer';

/** Said when the undocumented hub list route is missing or refused: the user enters hub ids by hand. */
const ENTER_HUBS = 'Enter the hub ids to watch by hand; they are in the LuaProt dashboard.';

/**
 * A key is proved by the sessions of the first hub or key, else by the hub list (an undocumented
 * route: a missing one says nothing against the key).
 */
export const luaprotProbe: ProbeModule = {
  async test(account, anyClient) {
    const client = asLuaProt(anyClient);
    const first = account.targets.find((t) => t.kind === 'hub' || t.kind === 'key');
    if (first) {
      const sessions = await orNoSessions(() => client.sessions(first.kind === 'hub' ? { hubId: first.id } : { key: first.id }), asProviderErrorInfo);
      return { ok: true, found: [{ kind: first.kind, id: first.id, label: targetLabelOf(account, first.id), count: sessions.length }] };
    }
    try {
      const hubs = await client.hubs();
      return { ok: true, found: hubs.map((h) => ({ kind: 'hub', id: h.id, label: h.name || `Hub ${h.id}`, ...providerNamed(h.name) })) };
    } catch (error) {
      const info = asProviderErrorInfo(error);
      if (info?.kind !== 'not_found') throw error;
      return { ok: true, found: [], explanation: { title: 'LuaProt did not list your hubs (that route is not documented).', advice: ENTER_HUBS } };
    }
  },
  async discover({ account, client, budget }) {
    const known = account.targets.map((t) => ({ kind: t.kind, id: t.id, label: targetLabelOf(account, t.id) }));
    try {
      await budget();
      const hubs = await asLuaProt(client).hubs();
      const found = hubs.map((h) => ({ kind: 'hub' as const, id: h.id, label: targetLabelOf(account, h.id, h.name), ...providerNamed(h.name) }));
      for (const t of known) if (!found.some((f) => f.id === t.id)) found.push({ ...t, kind: t.kind as 'hub' });
      return { ok: true, found };
    } catch (error) {
      const info = asProviderErrorInfo(error);
      if (!info || info.kind === 'unauthorized' || info.kind === 'forbidden') throw error;
      // Graceful: the hub list is an undocumented route; keep what the user entered.
      return { ok: true, found: known, explanation: { title: `LuaProt did not list your hubs (${info.message}).`, advice: ENTER_HUBS } };
    }
  },
};
