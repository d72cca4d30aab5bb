import type { CountPlan } from '../count-plan';
import { asJunkie } from './client-of';

/** Junkie gives every script's live count in one call: one request a cycle whatever is watched. */
export const junkieCountPlan: CountPlan<null> = {
  countsAll: true,
  requestsPerCycle: () => 1,
  newState: () => null,
  startCycle({ client, cycle }) {
    return [
      {
        targetIndex: null,
        run: async (signal) => {
          const live = await asJunkie(client).liveCounts(cycle.readOptions(signal));
          cycle.discovered = Object.entries(live.counts).map(([id, count]) => ({ id, count }));
          // Junkie may leave scripts with nobody online out of the counts.
          for (const t of cycle.targets) t.count = live.counts[t.id] ?? 0;
        },
      },
    ];
  },
};
