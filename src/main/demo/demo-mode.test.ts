import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { startSimulator } from '../simulator';
import type { StartSimulator } from '../simulator/types';
import { DemoMode } from './demo-mode';

/** Demo mode over the real simulator, counting the simulators started and closed. */
function demoMode() {
  const counts = { started: 0, closed: 0 };
  const setDemo: unknown[] = [];
  const start: StartSimulator = async (options) => {
    const sim = await startSimulator(options);
    counts.started += 1;
    return { ...sim, close: async () => ((counts.closed += 1), sim.close()) };
  };
  const demo = new DemoMode({
    clock: new ManualClock(Date.UTC(2026, 0, 5, 12)),
    accounts: { setDemo: (d) => void setDemo.push(d) },
    startSimulator: start,
    events: false,
    history: () => null,
    hasRealAccounts: () => false,
    onAccountGone: () => undefined,
    onTotalReplaced: () => undefined,
  });
  return { demo, counts, setDemo };
}

describe('demo mode', () => {
  it('starts one simulator when two starts overlap (the app starting in demo while the window turns it on)', async () => {
    const { demo, counts } = demoMode();
    await Promise.all([demo.start(), demo.start()]);
    expect(counts.started).toBe(1);
    expect(demo.active).toBe(true);
    await demo.stop();
    expect(counts.closed).toBe(1);
  });

  it('a stop asked while a start is under way stops what that start started', async () => {
    const { demo, counts, setDemo } = demoMode();
    await Promise.all([demo.start(), demo.stop()]);
    expect(demo.active).toBe(false);
    expect(demo.simulator).toBeNull();
    expect(counts).toEqual({ started: 1, closed: 1 });
    // The demo accounts were set, then taken away again.
    expect(setDemo.at(-1)).toBeNull();
  });
});
