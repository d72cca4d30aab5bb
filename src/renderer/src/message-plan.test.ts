import { describe, expect, it } from 'vitest';
import { PER_SESSION_SEND_MAX } from '../../shared/message-templates';
import type { Session } from '../../shared/model';
import { planMessage } from './message-plan';
import { sampleSession } from './test-support/sample-data';

const alice = sampleSession({ provider: 'luaprot', id: 'p1', username: 'alice', jobId: 'job-1', universeId: '42' });
const la1 = sampleSession({ provider: 'luaauth', id: 'a1', username: undefined, robloxUserId: '1001', placeId: '7' });
const la2 = sampleSession({ provider: 'luaauth', id: 'a2', username: undefined, robloxUserId: '1002', placeId: '8' });
const byId = (...list: Session[]) => (id: string) => list.find((s) => s.id === id);

describe('planMessage', () => {
  it('sends as written when there are no variables', () => {
    expect(planMessage({ mode: 'text', text: 'hello', data: '', recipients: { kind: 'one', sessionId: 'p1', name: 'alice' }, sessionOf: byId(alice) })).toEqual({
      kind: 'as-written',
      variables: [],
    });
  });

  it('fills a LuaProt text for the one session', () => {
    const plan = planMessage({ mode: 'text', text: 'Hi {username} in {placeId}', data: '', recipients: { kind: 'one', sessionId: 'p1', name: 'alice' }, sessionOf: byId(alice) });
    expect(plan).toMatchObject({ kind: 'per-session', sends: [{ sessionId: 'p1', text: 'Hi alice in 42' }] });
  });

  it('names a missing variable and blocks: "{userId} is unknown for this session"', () => {
    const plan = planMessage({ mode: 'text', text: 'id {userId}', data: '', recipients: { kind: 'one', sessionId: 'p1', name: 'alice' }, sessionOf: byId(alice) });
    expect(plan.kind).toBe('blocked');
    if (plan.kind === 'blocked') expect(plan.reason).toMatch(/^\{userId\} is unknown for this session/);
  });

  it('LuaAuth bulk with variables: one command per session, data filled as JSON string content', () => {
    const plan = planMessage({ mode: 'command', text: '', data: '{"who":"{userId}","at":"{placeId}"}', recipients: { kind: 'ids', sessionIds: ['a1', 'a2'] }, sessionOf: byId(la1, la2) });
    expect(plan).toMatchObject({
      kind: 'per-session',
      sends: [
        { sessionId: 'a1', data: '{"who":"1001","at":"7"}' },
        { sessionId: 'a2', data: '{"who":"1002","at":"8"}' },
      ],
    });
  });

  it('LuaAuth gives no username: {username} blocks a bulk send and says for how many', () => {
    const plan = planMessage({ mode: 'command', text: '', data: '{"t":"hi {username}"}', recipients: { kind: 'ids', sessionIds: ['a1', 'a2'] }, sessionOf: byId(la1, la2) });
    expect(plan.kind).toBe('blocked');
    if (plan.kind === 'blocked') expect(plan.reason).toMatch(/^\{username\} is unknown for 2 of 2 sessions \(Roblox 1001, Roblox 1002\)/);
  });

  it('refuses variables for a LuaProt hub-wide message, and past the per-session limit, with the reason', () => {
    const scope = planMessage({ mode: 'text', text: 'hi {username}', data: '', recipients: { kind: 'scope', scope: { hubId: 'h' }, label: 'hub H', count: 3 }, sessionOf: byId() });
    expect(scope.kind).toBe('blocked');
    if (scope.kind === 'blocked') expect(scope.reason).toMatch(/LuaProt sends one text to everyone in hub H/);
    const ids = Array.from({ length: PER_SESSION_SEND_MAX + 1 }, (_, i) => `x${i}`);
    const many = planMessage({ mode: 'command', text: '', data: '{"a":"{userId}"}', recipients: { kind: 'ids', sessionIds: ids }, sessionOf: () => la1 });
    expect(many.kind).toBe('blocked');
    if (many.kind === 'blocked') expect(many.reason).toMatch(new RegExp(`at most ${PER_SESSION_SEND_MAX}`));
  });

  it('checks LuaProt\u2019s 100-character rule on the filled text', () => {
    const long = sampleSession({ provider: 'luaprot', id: 'p2', username: 'u'.repeat(20) });
    const plan = planMessage({ mode: 'text', text: `${'x'.repeat(85)}{username}`, data: '', recipients: { kind: 'one', sessionId: 'p2', name: 'u' }, sessionOf: byId(long) });
    expect(plan.kind).toBe('blocked');
    if (plan.kind === 'blocked') expect(plan.reason).toMatch(/^Filled for u+: The message has 105 characters/);
  });
});
