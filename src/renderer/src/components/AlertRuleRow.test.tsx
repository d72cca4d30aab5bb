import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AlertRule } from '../../../shared/alerts';
import { seriesIdentity } from '../../../shared/series-ref';
import { AlertRuleRow, defaultSpec, ruleIsComplete, type ScopeOption } from './AlertRuleRow';

const scopes: ScopeOption[] = [
  { value: seriesIdentity({ type: 'total' }), label: 'All accounts', scope: { type: 'total' } },
  { value: seriesIdentity({ type: 'account', accountId: 'a' }), label: 'Main (LuaProt)', scope: { type: 'account', accountId: 'a' } },
  { value: seriesIdentity({ type: 'target', accountId: 'a', targetId: 'h1' }), label: 'Alpha hub', scope: { type: 'target', accountId: 'a', targetId: 'h1' } },
];
const rise: AlertRule = { id: 'r1', scope: { type: 'total' }, spec: { kind: 'rise', percent: 50, minUsers: 10, windowMinutes: 10 }, enabled: true, cooldownMinutes: 30 };

/** The row with its rule held in state, as AlertsView holds it; `changes` records every rule passed up. */
function Harness({ initial, changes }: { initial: AlertRule; changes: (r: AlertRule) => void }) {
  const [rule, setRule] = useState(initial);
  return (
    <ul>
      <AlertRuleRow n={2} rule={rule} scopes={scopes} onChange={(r) => (changes(r), setRule(r))} onRemove={() => {}} />
    </ul>
  );
}
function renderRow(rule: AlertRule = rise) {
  const changes = vi.fn<(r: AlertRule) => void>();
  render(<Harness initial={rule} changes={changes} />);
  return { changes, last: () => changes.mock.calls.at(-1)![0], user: userEvent.setup() };
}

describe('seriesIdentity as the option value', () => {
  it('names each scope apart, whatever its ids hold', () => {
    const odd = [
      { type: 'account', accountId: 'a:b' },
      { type: 'target', accountId: 'a', targetId: 'b:c' },
      { type: 'target', accountId: 'a:b', targetId: 'c' },
    ] as const;
    const values = [...scopes.map((s) => s.scope), ...odd].map(seriesIdentity);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('ruleIsComplete', () => {
  it('accepts a rule whose numbers are all usable', () => {
    expect(ruleIsComplete(rise)).toBe(true);
    expect(ruleIsComplete({ ...rise, spec: defaultSpec('drop') })).toBe(true);
  });
  it('refuses a half-typed (empty) or negative number, in the spec or the cooldown', () => {
    expect(ruleIsComplete({ ...rise, spec: { ...rise.spec, percent: Number.NaN } as AlertRule['spec'] })).toBe(false);
    expect(ruleIsComplete({ ...rise, spec: { ...rise.spec, minUsers: -1 } as AlertRule['spec'] })).toBe(false);
    expect(ruleIsComplete({ ...rise, cooldownMinutes: Number.NaN })).toBe(false);
    expect(ruleIsComplete({ ...rise, cooldownMinutes: -5 })).toBe(false);
  });
});

describe('defaultSpec', () => {
  it('gives every kind complete defaults', () => {
    for (const kind of ['rise', 'threshold', 'drop', 'all_time_high'] as const) {
      expect(defaultSpec(kind).kind).toBe(kind);
      expect(ruleIsComplete({ ...rise, spec: defaultSpec(kind) })).toBe(true);
    }
  });
});

describe('AlertRuleRow', () => {
  it('names every field after its rule number', () => {
    renderRow();
    for (const name of ['Rule 2 watches', 'Rule 2 kind', 'Rule 2 rise percent', 'Rule 2 minimum users', 'Rule 2 window minutes', 'Rule 2 cooldown minutes']) {
      expect(screen.getByLabelText(name)).toBeInTheDocument();
    }
    expect(screen.getByRole('listitem', { name: 'Rule 2' })).toBeInTheDocument();
  });

  it('marks a number out of range invalid and passes the number up', async () => {
    const { user, last } = renderRow();
    const window = screen.getByLabelText('Rule 2 window minutes');
    expect(window).toHaveAttribute('aria-invalid', 'false');
    await user.clear(window);
    await user.type(window, '2000');
    expect(window).toHaveAttribute('aria-invalid', 'true');
    expect(last().spec).toMatchObject({ windowMinutes: 2000 });
    await user.clear(window);
    await user.type(window, '0');
    expect(window).toHaveAttribute('aria-invalid', 'true');
    await user.clear(window);
    await user.type(window, '15');
    expect(window).toHaveAttribute('aria-invalid', 'false');
  });

  it('an emptied number box is invalid and makes the rule incomplete', async () => {
    const { user, last } = renderRow();
    const percent = screen.getByLabelText('Rule 2 rise percent');
    await user.clear(percent);
    expect(percent).toHaveAttribute('aria-invalid', 'true');
    expect(percent).toHaveValue(null);
    expect(ruleIsComplete(last())).toBe(false);
  });

  it('changing the kind starts from that kind’s defaults and shows its fields', async () => {
    const { user, last } = renderRow();
    await user.selectOptions(screen.getByLabelText('Rule 2 kind'), 'threshold');
    expect(last().spec).toEqual(defaultSpec('threshold'));
    expect(screen.getByLabelText('Rule 2 direction')).toHaveValue('up');
    expect(screen.getByLabelText('Rule 2 threshold value')).toHaveValue(100);
    expect(screen.queryByLabelText('Rule 2 rise percent')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Rule 2 direction'), 'down');
    expect(last().spec).toMatchObject({ kind: 'threshold', direction: 'down' });
  });

  it('drop rules offer "or falls to zero"', async () => {
    const { user, last } = renderRow({ ...rise, spec: defaultSpec('drop') });
    await user.click(screen.getByRole('checkbox', { name: 'Rule 2 or falls to zero' }));
    expect(last().spec).toMatchObject({ kind: 'drop', toZero: true });
  });

  it('changes what it watches, and names a target that no longer exists', async () => {
    const { user, last } = renderRow();
    await user.selectOptions(screen.getByLabelText('Rule 2 watches'), seriesIdentity({ type: 'target', accountId: 'a', targetId: 'h1' }));
    expect(last().scope).toEqual({ type: 'target', accountId: 'a', targetId: 'h1' });
    const gone = { ...rise, scope: { type: 'target' as const, accountId: 'a', targetId: 'deleted' } };
    renderRow(gone);
    expect(screen.getAllByLabelText('Rule 2 watches')[1]).toHaveDisplayValue('(removed target)');
  });

  it('turns on and off, and removes', async () => {
    const onRemove = vi.fn();
    const onChange = vi.fn();
    render(
      <ul>
        <AlertRuleRow n={1} rule={rise} scopes={scopes} onChange={onChange} onRemove={onRemove} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rule 1 on' }));
    expect(onChange).toHaveBeenCalledWith({ ...rise, enabled: false });
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(onRemove).toHaveBeenCalledOnce();
  });
});
