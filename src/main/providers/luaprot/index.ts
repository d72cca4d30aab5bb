import type { ProviderModule } from '../module';
import { LUAPROT_ASSUMPTIONS } from './assumptions';
import { luaprotActions } from './actions';
import { createLuaProtClient } from './client';
import { luaprotCountPlan } from './count-plan';
import { LUAPROT_DESCRIPTOR } from './descriptor';
import { isLuaProtEmpty } from './empty-answer';
import { luaprotProbe } from './probe';
import { LUAPROT_RATE_WINDOWS } from './rate-limits';

/** LuaProt: counts per hub or key, tight limits, text messages and disconnects (one or by scope). */
export const luaprotModule: ProviderModule<null> = {
  descriptor: LUAPROT_DESCRIPTOR,
  rateWindows: LUAPROT_RATE_WINDOWS,
  assumptions: LUAPROT_ASSUMPTIONS,
  createClient: createLuaProtClient,
  countPlan: luaprotCountPlan,
  probe: luaprotProbe,
  actions: luaprotActions,
  isEmptyAnswer: isLuaProtEmpty,
};
