import { beforeEach, describe, expect, it } from 'vitest';
import { useUi } from './ui-store';

const initial = useUi.getState();
beforeEach(() => useUi.setState(initial, true));

describe('ui store', () => {
  it('shows a view', () => {
    useUi.getState().show('alerts');
    expect(useUi.getState().view).toBe('alerts');
  });

  it('opening a target goes to Sessions with that target', () => {
    useUi.getState().openTarget('acc', 't1');
    expect(useUi.getState()).toMatchObject({ view: 'sessions', target: { accountId: 'acc', targetId: 't1' } });
  });

  it('opening an account without a target keeps its current target, or clears another account’s', () => {
    useUi.getState().openTarget('acc', 't1');
    useUi.getState().openTarget('acc', undefined);
    expect(useUi.getState().target).toEqual({ accountId: 'acc', targetId: 't1' });
    useUi.getState().openTarget('other', undefined);
    expect(useUi.getState().target).toBeNull();
  });

  it('keeps the last four notices, each with its own id, info by default', () => {
    for (const n of [1, 2, 3, 4, 5]) useUi.getState().notify(`notice ${n}`, n === 5 ? 'error' : undefined);
    const notices = useUi.getState().notices;
    expect(notices.map((n) => n.text)).toEqual(['notice 2', 'notice 3', 'notice 4', 'notice 5']);
    expect(notices.map((n) => n.tone)).toEqual(['info', 'info', 'info', 'error']);
    expect(new Set(notices.map((n) => n.id)).size).toBe(4);
  });

  it('dismisses one notice by id', () => {
    useUi.getState().notify('a');
    useUi.getState().notify('b');
    const [first] = useUi.getState().notices;
    useUi.getState().dismiss(first!.id);
    expect(useUi.getState().notices.map((n) => n.text)).toEqual(['b']);
  });
});
