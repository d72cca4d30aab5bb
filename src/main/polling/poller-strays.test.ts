import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/clock';
import type { AccountConfig, ProviderId } from '../../shared/model';
import { seededRandom } from '../monitor/seeded-random';
import { createClient } from '../providers';
import type { LuaAuthClient } from '../providers/types';
import { startSimulator } from '../simulator';
import type { RunningSimulator, StrayMode } from '../simulator/types';
import { runFor } from '../core/core-test-support';
import { AccountBudgets } from './account-budgets';
import { Poller, type LuaAuthCountMode, type PollResult } from './poller';

/*
 * The app's clients and poller against a simulator that strays from the docs the way real
 * providers do (issue 9 item 7): counts right, lists whole, and what was lacking named in the
 * account's status. Real HTTP, ManualClock (no churn happens within the one second polled).
 */

let sim: RunningSimulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

async function polled(provider: ProviderId, strays: StrayMode[], mode: LuaAuthCountMode = 'sessions') {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 12));
  sim = await startSimulator({ seed: 11, clock, baseSessions: 12, strays: { [provider]: strays } });
  const s = sim;
  const t = s.control.targets();
  const targets: AccountConfig['targets'] =
    provider === 'luaprot'
      ? t.luaprot.hubIds.map((id) => ({ kind: 'hub' as const, id }))
      : provider === 'luaauth'
        ? t.luaauth.scriptIds.map((id) => ({ kind: 'script' as const, id }))
        : [];
  const account: AccountConfig = { id: `${provider}-stray`, label: provider, provider, baseUrl: s.urls[provider], targets, ...(provider === 'junkie' ? { autoTargets: true } : {}) };
  const results: PollResult[] = [];
  const poller = new Poller({ clock, budgets: new AccountBudgets({ clock }), intervalMs: () => 30_000, luaauthCountMode: () => mode, onResult: (r) => results.push(r), random: seededRandom(2) });
  poller.upsert(account, createClient(provider, { baseUrl: s.urls[provider], apiKey: s.keys[provider], timeoutMs: 3_000 }));
  await runFor(clock, poller, 1_000);
  const status = poller.status(account.id)!;
  poller.stop();
  const ids = provider === 'junkie' ? t.junkie.scriptIds : provider === 'luaprot' ? t.luaprot.hubIds : t.luaauth.scriptIds;
  const expected = ids.reduce((sum, id) => sum + s.control.population(provider, id), 0);
  return { s, result: results.at(-1)!, status, expected, ids };
}

const FIELD_MODES: StrayMode[][] = [['null_fields'], ['missing_fields'], ['other_types'], ['extra_fields'], ['missing_fields', 'other_types', 'extra_fields']];
const notes = (modes: StrayMode[]) => modes.includes('null_fields') || modes.includes('missing_fields');

describe('the app against a straying simulator', () => {
  for (const modes of FIELD_MODES) {
    const name = modes.join(' + ');

    it(`LuaProt, ${name}: every hub counted right, lists whole, diagnostic ${notes(modes) ? 'present' : 'absent'}`, async () => {
      const { s, result, status, expected, ids } = await polled('luaprot', modes);
      expect(expected).toBeGreaterThan(0);
      expect(status.state).toBe('ok');
      expect(result.total).toBe(expected);
      const client = createClient('luaprot', { baseUrl: s.urls.luaprot, apiKey: s.keys.luaprot });
      for (const hubId of ids) {
        const sessions = await client.sessions({ hubId });
        expect(sessions).toHaveLength(s.control.population('luaprot', hubId));
        // 20-digit ids, even when sent as bare JSON numbers, arrive exact and distinct.
        expect(new Set(sessions.map((x) => x.id)).size).toBe(sessions.length);
        for (const x of sessions) expect(x.id).toMatch(/^\d{20}$/);
        if (modes.includes('extra_fields')) expect(sessions[0]!.extra.region).toBe('eu-1');
      }
      if (notes(modes)) expect(status.diagnostics?.some((l) => /^LuaProt: \d+ sessions? lacked robloxUsername$/.test(l))).toBe(true);
      else expect(status.diagnostics).toBeUndefined();
    });

    it(`LuaAuth, ${name}: every script counted right (both count modes), lists whole, diagnostic ${notes(modes) ? 'present' : 'absent'}`, async () => {
      for (const mode of ['sessions', 'script_total'] as const) {
        const { s, result, status, expected, ids } = await polled('luaauth', modes, mode);
        expect(status.state).toBe('ok');
        expect(result.total).toBe(expected);
        if (mode === 'sessions') {
          const client = createClient('luaauth', { baseUrl: s.urls.luaauth, apiKey: s.keys.luaauth });
          for (const scriptId of ids) {
            const page = await client.sessions(scriptId, { from: 0, limit: 100 });
            expect(page.sessions).toHaveLength(s.control.population('luaauth', scriptId));
          }
          if (notes(modes)) expect(status.diagnostics?.some((l) => /^LuaAuth: \d+ sessions? lacked roblox_id$/.test(l))).toBe(true);
        } else if (notes(modes)) {
          expect(status.diagnostics).toContain(`LuaAuth: ${ids.length} scripts lacked total_instances`);
        }
        if (!notes(modes)) expect(status.diagnostics).toBeUndefined();
        await sim?.close();
        sim = null;
      }
    });

    it(`Junkie, ${name}: counts right, lists whole, list notes ${notes(modes) ? 'present' : 'absent'}`, async () => {
      const { s, result, status, expected, ids } = await polled('junkie', modes);
      expect(status.state).toBe('ok');
      expect(result.total).toBe(expected);
      const client = createClient('junkie', { baseUrl: s.urls.junkie, apiKey: s.keys.junkie });
      const lines: string[] = [];
      for (const scriptId of ids) {
        const page = await client.sessions(scriptId, { limit: 50 }, { onReadNotes: (n) => lines.push(...n.lines()) });
        const population = s.control.population('junkie', scriptId);
        expect(page.total).toBe(population);
        expect(page.sessions).toHaveLength(Math.min(50, population));
      }
      if (notes(modes)) expect(lines.some((l) => /^Junkie: \d+ sessions? lacked robloxUsername$/.test(l))).toBe(true);
      else expect(lines).toEqual([]);
    });
  }

  it('a 403 worded otherwise is access refused at every provider: polling stops and says so, never "not found"', async () => {
    for (const provider of ['junkie', 'luaprot', 'luaauth'] as const) {
      const { status, result } = await polled(provider, ['forbidden_wording']);
      expect(status.state).toBe('unauthorized');
      expect(status.error).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(result.total).toBeNull();
      await sim?.close();
      sim = null;
    }
  });

  it("LuaProt's IP whitelist: refused access, advice to whitelist this machine", async () => {
    const { status } = await polled('luaprot', ['ip_not_whitelisted']);
    expect(status.state).toBe('unauthorized');
    expect(status.error).toMatchObject({ kind: 'forbidden', status: 403 });
    expect(status.explanation?.advice).toMatch(/whitelist/i);
  });

  it('LuaAuth "invalid return data": each message reports it as not processed, with that reason', async () => {
    sim = await startSimulator({ seed: 11, baseSessions: 12, luaauth: { replyDelayMs: 1 }, strays: { luaauth: ['invalid_return_data'] } });
    const client = createClient('luaauth', { baseUrl: sim.urls.luaauth, apiKey: sim.keys.luaauth }) as LuaAuthClient;
    const scriptId = sim.control.targets().luaauth.scriptIds[0]!;
    const page = await client.sessions(scriptId, { from: 0, limit: 2 });
    const ids = page.sessions.map((x) => x.id);
    expect(await client.message(ids[0]!, 'ping')).toMatchObject({ processed: false, reason: 'invalid return data' });
    const many = await client.messageMany(ids, 'ping');
    expect(many).toEqual(ids.map((id) => ({ processed: false, reason: 'invalid return data', sessionId: id })));
  });
});
