/**
 * No IPC input can make main do more than linear work: every string field of every channel is fed
 * 1 MB of adversarial text, and the check is structural, not a stopwatch — the request is refused
 * with a "too big" issue at that field (or, for a fixed choice such as `provider`, as not one of
 * the choices), and no regular expression ever ran on the long text (RegExp.prototype.exec is
 * watched: test, match, replace and split all go through it once it is replaced) — except zod's own
 * length probe, a single character class without a quantifier, linear by construction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { REQUEST_CHANNELS, type RequestChannel } from '../../shared/ipc-contract';
import type { AppCore, Handlers } from '../core/ports';
import { dispatch } from './dispatch';
import { requestSchemas } from './ipc-schemas';
import { hasLoneSurrogate } from './ipc-strings';

/** Every channel's request with every string field it can hold, optional ones included. */
const FULL: { [C in RequestChannel]: unknown } = {
  'app:version': undefined,
  'app:snapshot': undefined,
  'app:notices': undefined,
  'accounts:list': undefined,
  'accounts:test': { provider: 'luaprot', key: 'k', baseUrl: 'https://luaprot.net', accountId: 'a' },
  'accounts:add': {
    label: 'Main',
    provider: 'junkie',
    baseUrl: 'https://junkie.example/api',
    key: 'jk',
    targets: [{ kind: 'script', id: '12', label: 'Hub' }],
    autoTargets: true,
  },
  'accounts:update': {
    id: 'junkie-1',
    label: 'Renamed',
    baseUrl: 'https://junkie.example/api',
    key: 'jk',
    targets: [{ kind: 'script', id: '12', label: 'Hub' }],
    autoTargets: false,
  },
  'accounts:remove': { id: 'junkie-1' },
  'accounts:discover': { id: 'junkie-1' },
  'monitor:refresh': { accountId: 'a' },
  'monitor:pause': { paused: true },
  'monitor:history': { series: { type: 'target', accountId: 'acc', targetId: 'hub1' }, range: '24h' },
  'monitor:insights': { series: { type: 'target', accountId: 'acc', targetId: 'hub1' } },
  'providers:capabilities': undefined,
  'providers:list': undefined,
  'providers:assumptions': undefined,
  'sessions:list': {
    accountId: 'a',
    targetId: 't',
    page: 1,
    limit: 50,
    search: 'bob',
    from: 0,
    filter: { key: 'k', roblox_id: '1', place_id: '2', job_id: '3' },
  },
  'sessions:info': { accountId: 'a', sessionId: 's' },
  'sessions:groups': { accountId: 'a', targetId: 't' },
  'sessions:message': { accountId: 'a', sessionId: 's', text: 'hello', command: 'kick', data: '{"a":1}', opId: 'op1' },
  'sessions:disconnect': { accountId: 'a', sessionId: 's' },
  'sessions:messageMany': {
    accountId: 'a',
    sessionIds: ['1', '2'],
    scope: { hubId: 'h' },
    text: 'hello',
    command: 'kick',
    data: '{"why":"test"}',
    opId: 'op1',
  },
  'sessions:disconnectMany': { accountId: 'a', sessionIds: ['1'], scope: { key: 'k' } },
  'ops:cancel': { opId: 'op1' },
  'templates:get': undefined,
  'templates:save': { template: { id: 't1', provider: 'luaauth', name: 'Kick', command: 'kick', data: '{"why":"{username}"}' } },
  'templates:remove': { id: 't1' },
  'templates:recordSent': { provider: 'luaprot', text: 'hi {username}' },
  'scripts:get': { accountId: 'a', scriptId: 's' },
  'scripts:toggle': { accountId: 'a', scriptId: 's', enabled: false },
  'scripts:edit': { accountId: 'a', scriptId: 's', patch: { name: 'New' } },
  'alerts:get': undefined,
  'alerts:setRules': {
    rules: [
      {
        id: 'r1',
        scope: { type: 'target', accountId: 'a', targetId: 't' },
        spec: { kind: 'threshold', value: 10, hysteresis: 1, direction: 'up' },
        enabled: true,
        cooldownMinutes: 30,
      },
    ],
  },
  'alerts:setQuietHours': { enabled: true, start: '22:00', end: '07:00' },
  'alerts:pause': { minutes: 60 },
  'alerts:log': undefined,
  'channels:list': undefined,
  'channels:add': { kind: 'discord', url: 'https://discord.com/api/webhooks/1/abc', label: 'Team', kinds: ['rise'], scopeTypes: ['total'], accountIds: ['a'], enabled: true, respectQuietHours: false },
  'channels:update': { id: 'ch1', url: 'https://ntfy.sh/topic', label: 'Phone', kinds: ['rise'], scopeTypes: ['total'], accountIds: ['a'], enabled: true, respectQuietHours: false },
  'channels:remove': { id: 'ch1' },
  'channels:test': { id: 'ch1' },
  'settings:get': undefined,
  'settings:update': { theme: 'dark', globalShortcut: 'CommandOrControl+Shift+P', luaauthCountMode: 'sessions' },
  'demo:set': { enabled: true },
  'window:hide': undefined,
  'window:state': undefined,
  'window:detach': { detached: true },
};

type Path = Array<string | number>;

function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function withValue(value: unknown, path: Path, replacement: string): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head!] = withValue(copy[head!], rest, replacement);
  return copy;
}

/** Issues, with those nested in union failures brought up (a union reports its members' issues inside). */
function flatIssues(issues: readonly z.core.$ZodIssue[], base: Path = []): Array<{ code: string; path: Path }> {
  return issues.flatMap((issue) => {
    const path = [...base, ...(issue.path as Path)];
    const own = [{ code: issue.code, path }];
    if (issue.code === 'invalid_union') return [...own, ...issue.errors.flatMap((errs) => flatIssues(errs, path))];
    return own;
  });
}

const MB = 1024 * 1024;
/** Text shaped after each pattern an IPC string has met: colons for the series key, slashes, spaces, a URL. */
const ADVERSARIAL = [
  `target:${':'.repeat(MB)}\n`,
  `https://h/${'/'.repeat(MB)}x`,
  `${' '.repeat(MB)}x`,
  `CommandOrControl${'+A'.repeat(MB / 2)}+`,
];

/**
 * zod's max-length check counts code points only for a string already over the limit, and first
 * probes for a high surrogate with /[\uD800-\uDBFF]/: one character class, at most one step per
 * character. It is the only pattern allowed to see the long text.
 */
const LINEAR_PROBES = new Set(['[\\uD800-\\uDBFF]']);

let longestRegexInput = 0;
const realExec = RegExp.prototype.exec;
beforeEach(() => {
  longestRegexInput = 0;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    if (!LINEAR_PROBES.has(this.source)) longestRegexInput = Math.max(longestRegexInput, String(input).length);
    return realExec.call(this, input);
  };
});
afterEach(() => {
  RegExp.prototype.exec = realExec;
});

function echoCore(): AppCore {
  const handlers = Object.fromEntries(REQUEST_CHANNELS.map((c) => [c, async () => ({ echoed: c })])) as unknown as Handlers;
  return {
    handlers,
    subscribe: () => () => undefined,
    trayAction: () => undefined,
    signal: () => undefined,
    windowMoved: () => undefined,
    start: async () => undefined,
    stop: async () => undefined,
  };
}

describe('IPC strings are bounded before any pattern runs', () => {
  it('watches every regular expression run (the check below can see one)', () => {
    /x/.test('a'.repeat(10));
    'b'.repeat(20).replace(/b/g, 'c');
    expect(longestRegexInput).toBe(20);
  });

  it.each(REQUEST_CHANNELS)('%s: the full request is valid', (channel) => {
    const parsed = requestSchemas[channel].safeParse(FULL[channel]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  const cases = REQUEST_CHANNELS.flatMap((channel) => stringLeaves(FULL[channel]).map((path) => [channel, path.join('.'), path] as const));
  it('covers the string fields of the contract', () => {
    expect(cases.length).toBeGreaterThan(50);
  });

  it.each(cases)('%s %s: 1 MB of adversarial text is refused by length, no pattern runs on it', async (channel, _shown, path) => {
    for (const text of ADVERSARIAL) {
      longestRegexInput = 0;
      const parsed = requestSchemas[channel].safeParse(withValue(FULL[channel], path, text));
      expect(parsed.success).toBe(false);
      const issues = flatIssues(parsed.error!.issues);
      const atField = issues.filter((i) => i.path.join('.') === path.join('.'));
      // A free string is refused for its length; a fixed choice (provider, kind, range...) as not one of them.
      expect(atField.map((i) => i.code), JSON.stringify(issues)).toSatisfy((codes: string[]) =>
        codes.length > 0 && codes.every((code) => code === 'too_big' || code === 'invalid_value' || code === 'invalid_union'),
      );
      expect(longestRegexInput, 'a pattern ran on the 1 MB text').toBeLessThan(MB);

      // Through the real entry point: refused, naming the field, without echoing the text back.
      const result = await dispatch(echoCore(), channel, withValue(FULL[channel], path, text));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toContain(String(path[path.length - 1]));
        expect(result.error.message.length).toBeLessThan(1000);
      }
      expect(longestRegexInput).toBeLessThan(MB);
    }
  });

  it('an unknown field with a 1 MB name is refused without quoting the name whole', async () => {
    const result = await dispatch(echoCore(), 'sessions:info', { accountId: 'a', sessionId: 's', ['x'.repeat(MB)]: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message.length).toBeLessThan(1000);
  });
});

describe('series (monitor:history) are typed references, not strings to parse', () => {
  const history = requestSchemas['monitor:history'];
  it('takes ids as they are, colons and slashes included', () => {
    for (const series of [
      { type: 'total' },
      { type: 'account', accountId: 'acc:1' },
      { type: 'target', accountId: 'a:b', targetId: 'c:d/e' },
    ]) {
      expect(history.safeParse({ series, range: '24h' }).success, JSON.stringify(series)).toBe(true);
    }
  });
  it('refuses the old string keys, unknown types, missing or empty ids and extra fields', () => {
    for (const series of [
      'total', 'account:a', 'target:a:b', { type: 'provider', provider: 'junkie' }, { type: 'target', accountId: 'a' },
      { type: 'account', accountId: '' }, { type: 'account' }, { type: 'total', accountId: 'a' }, null,
    ]) {
      expect(history.safeParse({ series, range: '24h' }).success, JSON.stringify(series)).toBe(false);
    }
  });
});

describe('lone UTF-16 surrogates are refused at the edge', () => {
  it('hasLoneSurrogate finds unpaired halves and passes real pairs', () => {
    expect(hasLoneSurrogate('plain')).toBe(false);
    expect(hasLoneSurrogate('emoji \u{1F600} ok')).toBe(false);
    expect(hasLoneSurrogate('\uD800')).toBe(true);
    expect(hasLoneSurrogate('a\uDC00b')).toBe(true);
    expect(hasLoneSurrogate('\uDE00\uD83D')).toBe(true);
    expect(hasLoneSurrogate('end\uD83D')).toBe(true);
  });

  const cases = REQUEST_CHANNELS.flatMap((channel) => stringLeaves(FULL[channel]).map((path) => [channel, path.join('.'), path] as const));
  it.each(cases)('%s %s: a lone surrogate is a named validation error', async (channel, shown, path) => {
    const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], FULL[channel]) as string;
    const result = await dispatch(echoCore(), channel, withValue(FULL[channel], path, `${original}\uD800`));
    expect(result.ok, `${channel} ${shown} accepted a lone surrogate`).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('invalid_request');
      expect(result.error.message).not.toMatch(/internal error/);
    }
  });

  it('says what is wrong for free text fields', async () => {
    const result = await dispatch(echoCore(), 'sessions:list', { accountId: 'a', targetId: 't', search: 'bob\uD800' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_request', message: expect.stringMatching(/search: search holds a broken Unicode character/) } });
  });
});

describe('requests are plain data', () => {
  const notPlain: Array<[string, unknown]> = [
    ['Date', new Date()],
    ['Map', new Map()],
    ['Set', new Set()],
    ['class instance', new (class Thing {})()],
    ['typed array', new Uint8Array(2)],
  ];
  it.each(notPlain)('a %s is refused where no payload is expected and where every field is optional', async (_name, value) => {
    const core = echoCore();
    for (const [channel, request] of [
      ['app:version', value],
      ['monitor:refresh', value],
      ['settings:update', value],
      ['sessions:list', { accountId: 'a', targetId: 't', filter: value }],
    ] as const) {
      const result = await dispatch(core, channel, request);
      expect(result.ok, `${channel} accepted a ${_name}`).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('invalid_request');
    }
  });

  it('names where the non-plain value was', async () => {
    const result = await dispatch(echoCore(), 'sessions:list', { accountId: 'a', targetId: 't', filter: new Map() });
    expect(!result.ok && result.error.message).toMatch(/filter: a Map is not accepted here/);
    const nested = await dispatch(echoCore(), 'alerts:setRules', { rules: [{ id: 'r', scope: { type: 'total' }, spec: new Date() }] });
    expect(!nested.ok && nested.error.message).toMatch(/rules\.0\.spec: a Date is not accepted here/);
  });
});

describe('monitor:refresh refusals name the field', () => {
  it.each([
    [{ accountId: 5 }, /accountId: accountId must be a string/],
    [{ accountId: '' }, /accountId: accountId must not be empty/],
    [{ account: 'a' }, /account/],
    ['all', /\{\} or \{ accountId \}/],
  ])('%j', async (request, pattern) => {
    const result = await dispatch(echoCore(), 'monitor:refresh', request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(pattern);
      expect(result.error.message).not.toMatch(/Invalid input$/);
    }
  });

  it('still takes no payload, null, {} and { accountId }', async () => {
    for (const request of [undefined, null, {}, { accountId: 'a' }]) {
      expect((await dispatch(echoCore(), 'monitor:refresh', request)).ok).toBe(true);
    }
  });
});
