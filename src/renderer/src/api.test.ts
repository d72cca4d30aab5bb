import { describe, expect, it } from 'vitest';
import { IpcFailure, call, describeFailure, newOpId, onEvent } from './api';
import { installFakeBridge } from './test-support/fake-bridge';

describe('call', () => {
  it('unwraps an ok answer and passes the request on', async () => {
    const bridge = installFakeBridge({ 'sessions:info': (r) => ({ session: { provider: 'luaauth', id: r.sessionId, createdAt: 1, extra: {} } }) });
    const detail = await call('sessions:info', { accountId: 'a', sessionId: 's9' });
    expect(detail.session.id).toBe('s9');
    expect(bridge.callsTo('sessions:info')).toEqual([{ accountId: 'a', sessionId: 's9' }]);
  });
  it('throws an IpcFailure carrying main’s error as data', async () => {
    installFakeBridge({ 'app:version': { fail: { kind: 'rate_limited', message: 'slow down', retryAfterMs: 5000 } } });
    const err = await call('app:version').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcFailure);
    expect((err as IpcFailure).error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 5000 });
  });
  it('says Pulsebar is not connected when there is no bridge', async () => {
    await expect(call('app:version')).rejects.toThrow(/not connected/);
  });
});

describe('describeFailure', () => {
  it('prefers main’s explanation (title and advice) over the raw message', () => {
    const e = new IpcFailure({ kind: 'unauthorized', message: '401', explanation: { title: 'Key rejected.', advice: 'Paste a new key.' } });
    expect(describeFailure(e)).toBe('Key rejected. Paste a new key.');
  });
  it('falls back to the message, an Error’s message, or the value in words', () => {
    expect(describeFailure(new IpcFailure({ kind: 'failed', message: 'boom' }))).toBe('boom');
    expect(describeFailure(new Error('plain'))).toBe('plain');
    expect(describeFailure('text')).toBe('text');
  });
});

describe('onEvent', () => {
  it('delivers pushed events until unsubscribed', () => {
    const bridge = installFakeBridge();
    const seen: string[] = [];
    const off = onEvent('notice', (text) => seen.push(text));
    bridge.emit('notice', 'first');
    off();
    bridge.emit('notice', 'second');
    expect(seen).toEqual(['first']);
  });
  it('is a no-op without a bridge', () => {
    expect(() => onEvent('notice', () => {})()).not.toThrow();
  });
});

describe('newOpId', () => {
  it('is different for every operation, so a cancel reaches the right one', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newOpId()));
    expect(ids.size).toBe(50);
  });
});
