import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { PollDriver, type TimerPort } from './poll-driver';
import type { Poller } from './poller';

describe('PollDriver', () => {
  it('keeps the timer armed for what is due next while a round still waits for a slow answer', async () => {
    const clock = new ManualClock(0);
    const armed: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
    const timers: TimerPort = {
      setTimeout: (fn, ms) => {
        const handle = { fn, ms, cleared: false };
        armed.push(handle);
        return handle;
      },
      clearTimeout: (handle) => void ((handle as { cleared: boolean }).cleared = true),
    };
    let finishSlow: () => void = () => undefined;
    let rounds = 0;
    let next = 0;
    const poller = {
      nextDueAt: () => next,
      runDue: () => {
        rounds++;
        // The first round sends a request whose answer takes long; the next request is paced 40 ms later.
        if (rounds === 1) {
          next = 40;
          return new Promise<void>((resolve) => (finishSlow = resolve));
        }
        next = 1_000;
        return Promise.resolve();
      },
    } as unknown as Poller;
    let commits = 0;
    const driver = new PollDriver(poller, clock, () => commits++, timers);
    driver.start();
    armed.shift()!.fn();
    const pending = armed.filter((t) => !t.cleared);
    expect(pending.map((t) => t.ms)).toEqual([40]);
    clock.set(40);
    pending[0]!.fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rounds).toBe(2);
    expect(commits).toBe(1);
    finishSlow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(commits).toBe(2);
    driver.stop();
  });
});
