import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings-schema';
import { collectUnknownFields, withUnknownFields } from './unknown-fields';

/* Fields this version does not know, kept for the next save: which are kept, and where they go back. */

const isSecret = (key: string) => /key|token|secret/i.test(key);

describe('collectUnknownFields', () => {
  it('keeps unknown fields only: never known ones, credential-like ones or __proto__', () => {
    const raw = JSON.parse('{"version":2,"theme":"dark","futureFlag":1,"apiKey":"sk","__proto__":{"x":1},"window":{"detached":true,"dock":"left"}}');
    const unknown = collectUnknownFields(raw, isSecret);
    expect(unknown.top).toEqual({ futureFlag: 1 });
    expect(Object.getPrototypeOf(unknown.top)).toBe(Object.prototype);
    expect(unknown.window).toEqual({ dock: 'left' });
  });

  it('reads nothing from sections that are not objects', () => {
    const unknown = collectUnknownFields({ window: ['x'], alerts: 'loud', accounts: {} }, isSecret);
    expect(unknown.window).toEqual({});
    expect(unknown.alerts).toEqual({});
    expect(unknown.accounts.size).toBe(0);
    expect(unknown.rules.size).toBe(0);
  });

  it('matches accounts and rules by trimmed id, the first of a repeated id, only those with extra fields', () => {
    const unknown = collectUnknownFields(
      {
        accounts: [
          { id: ' a ', provider: 'junkie', color: 'red' },
          { id: 'a', color: 'blue' },
          { id: 'b', label: 'only known fields' },
          { id: 7, color: 'green' },
          'junk',
          { id: 'c', token: 'secret', pinned: true },
        ],
        alerts: { rules: [{ id: 'r1', note: 'mine' }], mute: 'soon' },
      },
      isSecret,
    );
    expect([...unknown.accounts.entries()]).toEqual([
      ['a', { color: 'red' }],
      ['c', { pinned: true }],
    ]);
    expect([...unknown.rules.entries()]).toEqual([['r1', { note: 'mine' }]]);
    expect(unknown.alerts).toEqual({ mute: 'soon' });
  });
});

describe('withUnknownFields', () => {
  it('puts them back beside the settings, known fields winning', () => {
    const settings = {
      ...defaultSettings(),
      accounts: [{ id: 'a', label: 'A', provider: 'junkie' as const, baseUrl: 'https://x', targets: [] }],
    };
    const unknown = collectUnknownFields({ futureFlag: 1, theme: 'x', accounts: [{ id: 'a', color: 'red', label: 'old' }], window: { dock: 'left' }, alerts: { mute: 1 } }, isSecret);
    const out = withUnknownFields(settings, unknown) as Record<string, any>;
    expect(out.futureFlag).toBe(1);
    expect(out.theme).toBe(settings.theme);
    expect(out.accounts).toEqual([{ id: 'a', label: 'A', provider: 'junkie', baseUrl: 'https://x', targets: [], color: 'red' }]);
    expect(out.window).toEqual({ ...settings.window, dock: 'left' });
    expect(out.alerts).toEqual({ ...settings.alerts, mute: 1 });
  });
});
