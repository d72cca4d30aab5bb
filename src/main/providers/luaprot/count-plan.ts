import { asProviderErrorInfo } from '../../core/core-errors';
import type { CountJob, CountPlan, CountTarget, CountCycle } from '../count-plan';
import type { LuaProtClient } from './types';
import { asLuaProt } from './client-of';
import { isLuaProtEmpty } from './empty-answer';

const counted = (t: { kind: string }) => t.kind === 'hub' || t.kind === 'key';

function countJob(client: LuaProtClient, cycle: CountCycle, index: number, withIds: boolean): CountJob {
  const target: CountTarget = cycle.targets[index]!;
  target.pending += 1;
  return {
    targetIndex: index,
    run: async (signal) => {
      const scope = target.kind === 'hub' ? { hubId: target.id } : { key: target.id };
      try {
        const { count, ids } = await client.sessionCount(scope, withIds, cycle.readOptions(signal));
        if (ids) {
          target.ids = new Set(ids);
          target.count = target.ids.size;
        } else target.count = count;
      } catch (error) {
        const info = asProviderErrorInfo(error);
        if (info && isLuaProtEmpty(info)) {
          if (withIds) target.ids = new Set();
          target.count = 0;
          return;
        }
        throw error;
      }
    },
  };
}

/** LuaProt counts per hub or key: one request each (sessions carry no script id). */
export const luaprotCountPlan: CountPlan<null> = {
  requestsPerCycle: (account) => Math.max(1, account.targets.filter(counted).length),
  newState: () => null,
  startCycle({ client, cycle }) {
    const targets = cycle.targets;
    // Ids are read only where targets can overlap: a key's sessions are also in its hub's list
    // (and a target listed twice); hubs alone are disjoint and are only counted.
    const kinds = new Set(targets.map((t) => t.kind));
    const overlap = (kinds.has('hub') && kinds.has('key')) || new Set(targets.map((t) => `${t.kind}:${t.id}`)).size < targets.length;
    const jobs: CountJob[] = [];
    targets.forEach((t, i) => {
      if (counted(t)) jobs.push(countJob(asLuaProt(client), cycle, i, overlap));
    });
    return jobs;
  },
  isEmptyAnswer: isLuaProtEmpty,
};
