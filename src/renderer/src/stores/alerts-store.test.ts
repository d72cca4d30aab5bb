import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertEvent, AlertRule } from '../../../shared/alerts';
import type { AlertSettings } from '../../../shared/ipc-contract';
import { installFakeBridge } from '../test-support/fake-bridge';
import { draftChanged, useAlerts } from './alerts-store';

const initial = useAlerts.getState();
beforeEach(() => useAlerts.setState(initial, true));

const event = (id: string, at: number): AlertEvent =>
  ({ id, ruleId: 'r', kind: 'rise', scope: { type: 'total' }, subject: 'All', at, value: 2, reference: 1, message: `event ${id}` }) as AlertEvent;
const settings = (rules: AlertRule[] = []): AlertSettings => ({ rules, quietHours: { enabled: false, start: '22:00', end: '07:00' }, pausedUntil: null });
const rule: AlertRule = { id: 'r1', scope: { type: 'total' }, spec: { kind: 'all_time_high', minUsers: 10 }, enabled: true, cooldownMinutes: 30 };

describe('alerts store', () => {
  it('loads settings and the log, newest first', async () => {
    installFakeBridge({ 'alerts:get': settings(), 'alerts:log': [event('a', 1), event('c', 3), event('b', 2)] });
    await useAlerts.getState().load();
    expect(useAlerts.getState().log.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(useAlerts.getState().settings?.quietHours.start).toBe('22:00');
  });

  it('adds fired events once each, newest first, keeping the last 200', () => {
    useAlerts.getState().fired([event('a', 1)]);
    useAlerts.getState().fired([event('a', 1), event('b', 5)]);
    expect(useAlerts.getState().log.map((e) => e.id)).toEqual(['b', 'a']);
    useAlerts.getState().fired(Array.from({ length: 250 }, (_, i) => event(`n${i}`, 100 + i)));
    const log = useAlerts.getState().log;
    expect(log).toHaveLength(200);
    expect(log[0]!.id).toBe('n249');
  });

  it('saves rules, quiet hours and a pause, keeping what main answers', async () => {
    const bridge = installFakeBridge({
      'alerts:setRules': (r) => settings(r.rules),
      'alerts:setQuietHours': (q) => ({ ...settings(), quietHours: q }),
      'alerts:pause': (r) => ({ ...settings(), pausedUntil: r.minutes == null ? null : 60_000 * r.minutes }),
    });
    await useAlerts.getState().saveRules([rule]);
    expect(useAlerts.getState().settings?.rules).toEqual([rule]);
    await useAlerts.getState().saveQuietHours({ enabled: true, start: '23:00', end: '06:00' });
    expect(useAlerts.getState().settings?.quietHours).toEqual({ enabled: true, start: '23:00', end: '06:00' });
    await useAlerts.getState().pause(30);
    expect(useAlerts.getState().settings?.pausedUntil).toBe(1_800_000);
    expect(bridge.callsTo('alerts:pause')).toEqual([{ minutes: 30 }]);
  });

  it('leaves the saved rules as they were when main refuses new ones', async () => {
    installFakeBridge({ 'alerts:setRules': { fail: { kind: 'invalid_request', message: 'rules.0: bad' } } });
    useAlerts.setState({ settings: settings([rule]) });
    await expect(useAlerts.getState().saveRules([])).rejects.toThrow('rules.0: bad');
    expect(useAlerts.getState().settings?.rules).toEqual([rule]);
  });

  it('keeps unsaved rule edits in a draft: cancel puts a rule back, a cancelled new rule goes, removal can be undone', () => {
    useAlerts.setState({ settings: settings([rule]) });
    const a = useAlerts.getState;
    a().openRule('r1');
    a().editRule({ ...rule, cooldownMinutes: 5 });
    expect(draftChanged(a().draft, [rule])).toBe(true);
    a().cancelRule();
    expect(a().draft?.rules).toEqual([rule]);
    expect(a().draft?.editing).toBeNull();
    expect(draftChanged(a().draft, [rule])).toBe(false);

    const added: AlertRule = { ...rule, id: 'new' };
    a().editRule(added, true);
    expect(a().draft?.editing).toEqual({ id: 'new', before: null });
    a().cancelRule();
    expect(a().draft?.rules.map((r) => r.id)).toEqual(['r1']);

    a().removeRule('r1');
    expect(draftChanged(a().draft, [rule])).toBe(true);
    a().undoRemove('r1');
    expect(draftChanged(a().draft, [rule])).toBe(false);
  });

  it('saves the draft without the removed rules, then drops it; a refused save keeps it', async () => {
    const bridge = installFakeBridge({ 'alerts:setRules': { fail: { kind: 'invalid_request', message: 'no' } } });
    useAlerts.setState({ settings: settings([rule]) });
    const a = useAlerts.getState;
    const added: AlertRule = { ...rule, id: 'r2', cooldownMinutes: 10 };
    a().editRule(added, true);
    a().removeRule('r1');
    await expect(a().saveDraft()).rejects.toThrow('no');
    expect(a().draft?.rules.map((r) => r.id)).toEqual(['r1', 'r2']);
    bridge.handle('alerts:setRules', (r) => settings(r.rules));
    await a().saveDraft();
    expect(bridge.callsTo('alerts:setRules').at(-1)).toEqual({ rules: [added] });
    expect(a().draft).toBeNull();
    expect(a().settings?.rules).toEqual([added]);
  });

  it('takes the alert settings main pushes (alerts:changed: a tray pause, rules saved elsewhere) and keeps unsaved drafts', () => {
    useAlerts.setState({ settings: settings([rule]) });
    const a = useAlerts.getState;
    const edited: AlertRule = { ...rule, cooldownMinutes: 5 };
    a().editRule(edited);
    a().setQuietDraft({ enabled: true, start: '23:00', end: '06:00' });
    const other: AlertRule = { ...rule, id: 'r9' };
    a().changed({ ...settings([rule, other]), pausedUntil: 1_800_000 });
    expect(a().settings?.rules).toEqual([rule, other]);
    expect(a().settings?.pausedUntil).toBe(1_800_000);
    expect(a().draft?.rules).toEqual([edited]);
    expect(a().quietDraft).toEqual({ enabled: true, start: '23:00', end: '06:00' });
  });
});
