import type { ProviderModule } from '../module';
import { JUNKIE_ASSUMPTIONS } from './assumptions';
import { junkieActions } from './actions';
import { createJunkieClient } from './client';
import { junkieCountPlan } from './count-plan';
import { JUNKIE_DESCRIPTOR } from './descriptor';
import { junkieProbe } from './probe';
import { JUNKIE_RATE_WINDOWS } from './rate-limits';

/** Junkie: per-script live counts in one call, a paged searchable session list, no actions. */
export const junkieModule: ProviderModule<null> = {
  descriptor: JUNKIE_DESCRIPTOR,
  rateWindows: JUNKIE_RATE_WINDOWS,
  assumptions: JUNKIE_ASSUMPTIONS,
  createClient: createJunkieClient,
  countPlan: junkieCountPlan,
  probe: junkieProbe,
  actions: junkieActions,
};
