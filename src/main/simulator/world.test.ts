import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import { startSimulator } from './index';
import { call } from './test-support';
import type { RunningSimulator, SimulatorOptions } from './types';

const running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});
const start = async (o: SimulatorOptions) => {
  const s = await startSimulator(o);
  running.push(s);
  return s;
};

/** Everything observable about one simulator at the clock's current time. */
async function snapshot(s: RunningSimulator) {
  const t = s.control.targets();
  return {
    targets: t,
    junkie: (await call(s, 'junkie', `/live-users/${t.junkie.scriptIds[0]}?limit=50`)).body,
    luaprot: (await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${t.luaprot.hubIds[0]}`)).body,
    luaauth: (await call(s, 'luaauth', `/scripts/${t.luaauth.scriptIds[0]}/sessions`, { method: 'POST', body: { from: 0, limit: 100 } })).body,
  };
}

describe('simulated world', () => {
  it('is deterministic under a seed, including its evolution', async () => {
    const c1 = new ManualClock();
    const c2 = new ManualClock();
    const a = await start({ seed: 42, clock: c1 });
    const b = await start({ seed: 42, clock: c2 });
    expect(await snapshot(a)).toEqual(await snapshot(b));
    // Different request patterns in between must not change the outcome.
    for (let i = 0; i < 6; i++) {
      c1.advance(10_000);
      a.control.step();
    }
    c2.advance(60_000);
    const later = await snapshot(a);
    expect(later).toEqual(await snapshot(b));
    expect(later.junkie.sessions).not.toEqual((await snapshot(await start({ seed: 43, clock: new ManualClock() }))).junkie.sessions);
  });

  it('produces provider id formats', async () => {
    const s = await start({ seed: 1, clock: new ManualClock() });
    const t = s.control.targets();
    for (const id of t.junkie.scriptIds) expect(id).toMatch(/^\d+$/);
    for (const id of t.luaprot.hubIds) expect(id).toMatch(/^\d{20}$/);
    for (const id of [...t.luaauth.projectIds, ...t.luaauth.scriptIds]) expect(id).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('churns: sessions join and leave while the count stays near the base', async () => {
    const clock = new ManualClock();
    const s = await start({ seed: 3, clock, baseSessions: 400 });
    const id = s.control.targets().junkie.scriptIds[0]!;
    const ids = async () => new Set((await call(s, 'luaauth', `/scripts/${s.control.targets().luaauth.scriptIds[0]}/sessions`, { method: 'POST', body: { from: 0, limit: 100 } })).body.sessions.map((x: { id: string }) => x.id));
    const before = await ids();
    const counts: number[] = [];
    for (let i = 0; i < 60; i++) {
      clock.advance(5_000);
      counts.push(s.control.population('junkie', id));
    }
    expect(new Set(counts).size).toBeGreaterThan(1);
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(300);
    for (const n of counts) expect(n).toBeLessThanOrEqual(500);
    const after = await ids();
    expect([...before].filter((x) => !after.has(x)).length).toBeGreaterThan(0);
  });

  it('applies scripted spikes and drops at their time', async () => {
    const clock = new ManualClock();
    const s = await start({
      seed: 4,
      clock,
      baseSessions: 100,
      events: [
        { atMs: 30_000, provider: 'junkie', factor: 3 },
        { atMs: 90_000, provider: 'junkie', to: 0 },
        { atMs: 45_000, provider: 'luaprot', factor: 0.5 },
      ],
    });
    const t = s.control.targets();
    const junkie = () => s.control.population('junkie', t.junkie.scriptIds[0]!);
    clock.advance(29_000);
    expect(junkie()).toBeLessThan(130);
    clock.advance(1_000);
    expect(junkie()).toBeGreaterThan(250);
    clock.advance(20_000);
    expect(junkie()).toBeGreaterThan(225); // the walk now centres on the spike
    expect(s.control.population('luaprot', t.luaprot.hubIds[0]!)).toBeLessThan(70);
    expect(s.control.population('junkie', t.junkie.scriptIds[1]!)).toBeLessThan(130); // other targets untouched
    clock.advance(40_000);
    expect(junkie()).toBe(0);
    clock.advance(60_000);
    expect(junkie()).toBe(0); // a collapse stays collapsed
    const counts = (await call(s, 'junkie', '/live-users')).body;
    expect(counts.counts[t.junkie.scriptIds[0]!]).toBe(0);
  });

  it('sets a population on demand', async () => {
    const s = await start({ seed: 5, clock: new ManualClock() });
    const hub = s.control.targets().luaprot.hubIds[1]!;
    s.control.setPopulation('luaprot', hub, 250);
    expect(s.control.population('luaprot', hub)).toBe(250);
    expect((await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hub}`)).body.sessions).toHaveLength(250);
    s.control.setPopulation('luaprot', hub, 3);
    expect((await call(s, 'luaprot', `/api/v1/sessions/get?hubId=${hub}`)).body.sessions).toHaveLength(3);
    expect(() => s.control.setPopulation('luaprot', 'nope', 1)).toThrow();
  });

  it('handles a clock jump of days cheaply, and scale of 50 targets × 5 000 sessions', async () => {
    const clock = new ManualClock();
    const s = await start({ seed: 6, clock, baseSessions: 5_000, junkie: { scripts: 50 }, luaprot: { hubs: 1 }, luaauth: { scriptsPerProject: 1 } });
    const t0 = performance.now();
    clock.advance(30 * 86_400_000);
    s.control.step();
    expect(performance.now() - t0).toBeLessThan(3_000); // generous; the point is "not proportional to 30 days"
    const { body } = await call(s, 'junkie', '/live-users');
    expect(Object.keys(body.counts)).toHaveLength(50);
    expect(body.total).toBeGreaterThan(50 * 3_750);
    const id = s.control.targets().junkie.scriptIds[49]!;
    const last = await call(s, 'junkie', `/live-users/${id}?page=100&limit=50`);
    expect(last.body.sessions.length).toBe(50);
  });

  it('logs every provider request with clock time and status', async () => {
    const clock = new ManualClock(Date.UTC(2026, 1, 1));
    const s = await start({ seed: 7, clock });
    await call(s, 'junkie', '/live-users');
    clock.advance(1_000);
    await call(s, 'luaprot', '/api/v1/hubs/get', { key: 'bad' });
    await call(s, 'luaauth', '/nowhere');
    expect(s.control.requestLog()).toEqual([
      { provider: 'junkie', method: 'GET', path: '/live-users', at: Date.UTC(2026, 1, 1), status: 200 },
      { provider: 'luaprot', method: 'GET', path: '/api/v1/hubs/get', at: Date.UTC(2026, 1, 1) + 1_000, status: 401 },
      { provider: 'luaauth', method: 'GET', path: '/nowhere', at: Date.UTC(2026, 1, 1) + 1_000, status: 404 },
    ]);
    expect(s.control.requestLog('luaprot')).toHaveLength(1);
  });
});
