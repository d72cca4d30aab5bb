import type { ProviderModule } from '../module';
import { LUAAUTH_ASSUMPTIONS } from './assumptions';
import { luaauthActions } from './actions';
import { createLuaAuthClient } from './client';
import { luaauthCountPlan, type LuaAuthCountState } from './count-plan';
import { LUAAUTH_DESCRIPTOR } from './descriptor';
import { luaauthProbe } from './probe';
import { LUAAUTH_RATE_WINDOWS } from './rate-limits';

/** LuaAuth: sessions per script (offset paging, filters), command messages, script switches and edits. */
export const luaauthModule: ProviderModule<LuaAuthCountState> = {
  descriptor: LUAAUTH_DESCRIPTOR,
  rateWindows: LUAAUTH_RATE_WINDOWS,
  assumptions: LUAAUTH_ASSUMPTIONS,
  createClient: createLuaAuthClient,
  countPlan: luaauthCountPlan,
  probe: luaauthProbe,
  actions: luaauthActions,
};
