import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, type RequestChannel } from '../../shared/ipc-contract';
import type { AppCore, Handlers } from '../core/ports';
import { CoreError } from '../core/core-errors';
import { ProviderError } from '../providers';
import { SecretStoreError } from '../secrets';
import { dispatch } from './dispatch';

/** One valid request per channel (undefined for channels without a payload). */
const VALID: { [C in RequestChannel]: unknown } = {
  'app:version': undefined,
  'app:snapshot': undefined,
  'app:notices': undefined,
  'accounts:list': undefined,
  'accounts:test': { provider: 'luaprot', key: 'k', baseUrl: 'https://luaprot.net' },
  'accounts:add': { label: 'Main', provider: 'junkie', key: 'jk', targets: [{ kind: 'script', id: '12', label: 'Hub' }] },
  'accounts:update': { id: 'junkie-1', label: 'Renamed' },
  'accounts:remove': { id: 'junkie-1' },
  'accounts:discover': { id: 'junkie-1' },
  'monitor:refresh': { accountId: 'a' },
  'monitor:pause': { paused: true },
  'monitor:history': { series: { type: 'target', accountId: 'acc', targetId: 'hub1' }, range: '24h' },
  'monitor:insights': { series: { type: 'target', accountId: 'acc', targetId: 'hub1' } },
  'providers:capabilities': undefined,
  'providers:list': undefined,
  'providers:assumptions': undefined,
  'sessions:list': { accountId: 'a', targetId: 't', page: 1, limit: 50, search: 'bob' },
  'sessions:info': { accountId: 'a', sessionId: 's' },
  'sessions:groups': { accountId: 'a', targetId: 't' },
  'sessions:message': { accountId: 'a', sessionId: 's', text: 'hello' },
  'sessions:disconnect': { accountId: 'a', sessionId: 's' },
  'sessions:messageMany': { accountId: 'a', sessionIds: ['1', '2'], command: 'kick', data: '{"why":"test"}', opId: 'op1' },
  'sessions:disconnectMany': { accountId: 'a', scope: { hubId: 'h' } },
  'ops:cancel': { opId: 'op1' },
  'templates:get': undefined,
  'templates:save': { template: { id: 't1', provider: 'luaauth', name: 'Kick', command: 'kick', data: '{"why":"{username}"}' } },
  'templates:remove': { id: 't1' },
  'templates:recordSent': { provider: 'luaprot', text: 'hi {username}' },
  'scripts:get': { accountId: 'a', scriptId: 's' },
  'scripts:toggle': { accountId: 'a', scriptId: 's', enabled: false },
  'scripts:edit': { accountId: 'a', scriptId: 's', patch: { name: 'New', kick_outdated: true } },
  'alerts:get': undefined,
  'alerts:setRules': {
    rules: [
      { id: 'r1', scope: { type: 'total' }, spec: { kind: 'rise', percent: 50, minUsers: 20, windowMinutes: 10 }, enabled: true, cooldownMinutes: 30 },
      { id: 'r2', scope: { type: 'account', accountId: 'a' }, spec: { kind: 'drop', percent: 60, windowMinutes: 10, toZero: true, minUsers: 5 }, enabled: true, cooldownMinutes: 30 },
    ],
  },
  'alerts:setQuietHours': { enabled: true, start: '22:00', end: '07:00' },
  'alerts:pause': { minutes: 60 },
  'alerts:log': undefined,
  'channels:list': undefined,
  'channels:add': { kind: 'discord', url: 'https://discord.com/api/webhooks/1/abc', label: 'Team' },
  'channels:update': { id: 'ch1', url: 'https://ntfy.sh/topic', label: 'Phone' },
  'channels:remove': { id: 'ch1' },
  'channels:test': { id: 'ch1' },
  'settings:get': undefined,
  'settings:update': { pollIntervalSeconds: { junkie: 30, luaprot: 60, luaauth: 30 }, theme: 'dark', luaauthCountMode: 'script_total' },
  'demo:set': { enabled: true },
  'window:hide': undefined,
  'window:state': undefined,
  'window:detach': { detached: true },
};

/** Garbage for every channel: wrong types, wrong shapes. */
const GARBAGE: unknown[] = ['x', 42, true, [1, 2], { nonsense: 1 }];

function echoCore(): AppCore & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((c) => [
      c,
      async (request: unknown) => {
        calls.push([c, request]);
        return { echoed: c };
      },
    ]),
  ) as unknown as Handlers;
  return {
    calls,
    handlers,
    subscribe: () => () => undefined,
    trayAction: () => undefined,
    signal: () => undefined,
    windowMoved: () => undefined,
    start: async () => undefined,
    stop: async () => undefined,
  };
}

describe('dispatch validation', () => {
  it.each(REQUEST_CHANNELS)('%s accepts a valid request and rejects garbage', async (channel) => {
    const core = echoCore();
    const ok = await dispatch(core, channel, VALID[channel]);
    expect(ok).toEqual({ ok: true, value: { echoed: channel } });
    for (const garbage of GARBAGE) {
      const result = await dispatch(core, channel, garbage);
      expect(result.ok, `${channel} accepted ${JSON.stringify(garbage)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe('invalid_request');
        expect(result.error.message).toContain(channel);
      }
    }
    expect(core.calls).toHaveLength(1);
  });

  it('refuses unknown channels and non-strings', async () => {
    const core = echoCore();
    for (const channel of ['nope', 'pulsebar:app:version', 42, null, undefined, { channel: 'x' }]) {
      const result = await dispatch(core, channel, undefined);
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request' } });
    }
    expect(core.calls).toHaveLength(0);
  });

  it('names the field and what is expected', async () => {
    const core = echoCore();
    const cases: Array<[RequestChannel, unknown, RegExp]> = [
      ['sessions:list', { accountId: 'a', targetId: 't', limit: 51 }, /limit: limit must be between 1 and 50/],
      ['sessions:list', { accountId: 'a', targetId: 't', limit: 0 }, /limit/],
      ['sessions:info', { accountId: '', sessionId: 's' }, /accountId: accountId must not be empty/],
      ['sessions:info', { accountId: 'a'.repeat(201), sessionId: 's' }, /at most 200 characters/],
      ['sessions:message', { accountId: 'a', sessionId: 's', text: 'x'.repeat(101) }, /text: text must be 1 to 100 characters/],
      ['sessions:message', { accountId: 'a', sessionId: 's', text: '' }, /text must be 1 to 100/],
      ['sessions:message', { accountId: 'a', sessionId: 's', command: 'c', data: '{oops' }, /data: data must be valid JSON/],
      ['accounts:add', { label: 'x', provider: 'junkie', key: 'k', targets: [], baseUrl: 'file:///etc/passwd' }, /baseUrl: The base URL must start with http:\/\/ or https:\/\//],
      ['accounts:add', { label: 'x', provider: 'junkie', key: 'k', targets: [], baseUrl: 'http://api.example.com' }, /baseUrl: The base URL must use https:\/\//],
      ['accounts:add', { label: 'x', provider: 'junkie', key: 'line\nbreak', targets: [] }, /key: The API key contains spaces, line breaks/],
      ['settings:update', { globalShortcut: 'A' }, /globalShortcut needs a modifier/],
      ['accounts:add', { label: 'x', provider: 'junkie', key: 'k', targets: [], baseUrl: 'javascript:alert(1)' }, /http:\/\/ or https:\/\//],
      ['accounts:add', { label: 'x', provider: 'roblox', key: 'k', targets: [] }, /provider: provider must be one of junkie, luaprot, luaauth/],
      ['settings:update', { pollIntervalSeconds: { junkie: 1, luaprot: 60, luaauth: 30 } }, /at least 5 s/],
      ['settings:update', { pollIntervalSeconds: { junkie: 30, luaprot: 99999, luaauth: 30 } }, /at most 3600 s/],
      ['alerts:setQuietHours', { enabled: true, start: '25:00', end: '07:00' }, /start: time must be HH:MM/],
      ['sessions:disconnectMany', { accountId: 'a', scope: { hubId: 'h', key: 'k' } }, /scope/],
      ['scripts:edit', { accountId: 'a', scriptId: 's', patch: {} }, /patch must change at least one field/],
      ['accounts:update', { id: 'a', apiKey: 'smuggled' }, /apiKey/],
      // Worded like the form's other field errors, at the URL field.
      ['channels:add', { kind: 'discord', url: '  ', label: 'Team' }, /url: Enter the webhook URL\.$/],
    ];
    for (const [channel, request, pattern] of cases) {
      const result = await dispatch(core, channel, request);
      expect(result.ok, `${channel} ${JSON.stringify(request)}`).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(pattern);
    }
    expect(core.calls).toHaveLength(0);
  });

  it('accepts void channels called with null or {} (bridges differ) and passes undefined on', async () => {
    const core = echoCore();
    expect((await dispatch(core, 'app:version', null)).ok).toBe(true);
    expect((await dispatch(core, 'app:version', {})).ok).toBe(true);
    expect(core.calls).toEqual([
      ['app:version', undefined],
      ['app:version', undefined],
    ]);
  });
});

describe('dispatch error mapping', () => {
  function failingCore(error: unknown): AppCore {
    const core = echoCore();
    core.handlers['app:snapshot'] = async () => {
      throw error;
    };
    return core;
  }

  it('turns a ProviderError into its kind, status, Retry-After and explanation', async () => {
    const error = new ProviderError({
      kind: 'rate_limited',
      provider: 'luaprot',
      status: 429,
      message: 'Too many requests.',
      retryAfterMs: 20_000,
      request: 'GET /api/v1/sessions/get',
    });
    const result = await dispatch(failingCore(error), 'app:snapshot', undefined);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'rate_limited',
        message: 'Too many requests.',
        provider: 'luaprot',
        status: 429,
        retryAfterMs: 20_000,
        explanation: { title: expect.stringMatching(/Retrying in 20 s/), advice: expect.any(String) },
      },
    });
  });

  it('explains the LuaProt IP whitelist refusal', async () => {
    const error = new ProviderError({ kind: 'forbidden', provider: 'luaprot', status: 403, message: 'IP not whitelisted.' });
    const result = await dispatch(failingCore(error), 'app:snapshot', undefined);
    expect(!result.ok && result.error.explanation?.advice).toMatch(/Whitelist this computer's public IP/);
  });

  it('passes core errors as written and hides anything else behind a safe message', async () => {
    const own = await dispatch(failingCore(new CoreError('invalid_request', 'accountId: no account with id "x"')), 'app:snapshot', undefined);
    expect(own).toEqual({ ok: false, error: { kind: 'invalid_request', message: 'accountId: no account with id "x"' } });

    const keychain = await dispatch(failingCore(new SecretStoreError('Could not store the key of account "a".')), 'app:snapshot', undefined);
    expect(keychain).toEqual({ ok: false, error: { kind: 'failed', message: 'Could not store the key of account "a".' } });

    const secret = 'sk_live_SECRET_123456';
    const logged: string[] = [];
    const core = failingCore(new Error(`boom with ${secret}`));
    const result = await dispatch(core, 'app:snapshot', undefined, { log: (m) => logged.push(m) });
    expect(result).toMatchObject({ ok: false, error: { kind: 'failed' } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
  });
});
