import type { ProbeModule } from '../module';
import { targetLabelOf } from '../module';
import { asJunkie } from './client-of';

/** A key is proved by the live counts (one call); discovery is every script they name. */
export const junkieProbe: ProbeModule = {
  async test(account, client) {
    const live = await asJunkie(client).liveCounts();
    return { ok: true, found: Object.entries(live.counts).map(([id, count]) => ({ kind: 'script', id, label: targetLabelOf(account, id), count })) };
  },
  async discover({ account, client, budget }) {
    await budget();
    const live = await asJunkie(client).liveCounts();
    const ids = new Set([...Object.keys(live.counts), ...account.targets.map((t) => t.id)]);
    return {
      ok: true,
      found: [...ids].map((id) => ({ kind: 'script', id, label: targetLabelOf(account, id), count: live.counts[id] ?? 0 })),
    };
  },
};
