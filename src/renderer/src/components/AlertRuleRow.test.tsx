import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { closeTopOverlay } from '../keyboard';
import type { AlertRule } from '../../../shared/alerts';
import { seriesIdentity } from '../../../shared/series-ref';
import { AlertRuleRow, defaultSpec, ruleIsComplete, ruleProblem, type ScopeOption } from './AlertRuleRow';

const scopes: ScopeOption[] = [
  { value: seriesIdentity({ type: 'total' }), label: 'All accounts', scope: { type: 'total' } },
  { value: seriesIdentity({ type: 'account', accountId: 'a' }), label: 'Main (LuaProt)', scope: { type: 'account', accountId: 'a' } },
  { value: seriesIdentity({ type: 'target', accountId: 'a', targetId: 'h1' }), label: 'Alpha hub', scope: { type: 'target', accountId: 'a', targetId: 'h1' } },
];
/** Form callbacks a test does not look at. */
const closed = { onEdit: () => {}, onDone: () => {}, onCancel: () => {} };
const rise: AlertRule = { id: 'r1', scope: { type: 'total' }, spec: { kind: 'rise', percent: 50, minUsers: 10, windowMinutes: 10 }, enabled: true, cooldownMinutes: 30 };

/** The row with its rule held in state, as AlertsView holds it; `changes` records every rule passed up. */
function Harness({ initial, changes }: { initial: AlertRule; changes: (r: AlertRule) => void }) {
  const [rule, setRule] = useState(initial);
  return (
    <ul>
      <AlertRuleRow {...closed} editing n={2} rule={rule} scopes={scopes} onChange={(r) => (changes(r), setRule(r))} onRemove={() => {}} />
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
        <AlertRuleRow {...closed} editing n={1} rule={rise} scopes={scopes} onChange={onChange} onRemove={onRemove} />
      </ul>,
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Rule 1 on' }));
    expect(onChange).toHaveBeenCalledWith({ ...rise, enabled: false });
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    expect(onRemove).toHaveBeenCalledOnce();
  });
});

describe('AlertRuleRow as a sentence', () => {
  function renderLine(rule: AlertRule = rise) {
    const props = { onEdit: vi.fn(), onDone: vi.fn(), onCancel: vi.fn(), onChange: vi.fn(), onRemove: vi.fn() };
    const view = render(
      <ul>
        <AlertRuleRow {...props} editing={false} n={3} rule={rule} scopes={scopes} />
      </ul>,
    );
    return { ...props, view, user: userEvent.setup() };
  }

  it('reads as one line and opens its form on click or Enter', async () => {
    const { onEdit, user } = renderLine();
    const sentence = screen.getByRole('button', { name: 'Edit rule 3: Tell me when All accounts rises 50 % and 10 users within 10 min; then wait 30 min' });
    expect(screen.queryByLabelText('Rule 3 watches')).toBeNull();
    await user.click(sentence);
    expect(onEdit).toHaveBeenCalledTimes(1);
    sentence.focus();
    await user.keyboard('{Enter}');
    expect(onEdit).toHaveBeenCalledTimes(2);
  });

  it('switches on and off and removes without opening the form', async () => {
    const { onChange, onRemove, onEdit, user } = renderLine({ ...rise, enabled: false });
    expect(screen.getByRole('button', { name: /^Edit rule 3: .* \(off\)$/ })).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Rule 3 on' }));
    expect(onChange).toHaveBeenCalledWith({ ...rise, enabled: true });
    await user.click(screen.getByRole('button', { name: 'Remove rule 3' }));
    expect(onRemove).toHaveBeenCalledOnce();
    expect(onEdit).not.toHaveBeenCalled();
  });

  it('names a removed target or account in the sentence', () => {
    renderLine({ ...rise, scope: { type: 'target', accountId: 'a', targetId: 'gone' } });
    expect(screen.getByRole('button', { name: /^Edit rule 3: Tell me when \(removed target\) rises/ })).toBeInTheDocument();
    cleanup();
    renderLine({ ...rise, scope: { type: 'account', accountId: 'gone' } });
    expect(screen.getByRole('button', { name: /^Edit rule 3: Tell me when \(removed account\) rises/ })).toBeInTheDocument();
  });

  it('editing: the error is worded at the field, tied to it, and gone once fixed; Done keeps a broken rule open', async () => {
    const onDone = vi.fn();
    function Open() {
      const [rule, setRule] = useState(rise);
      return (
        <ul>
          <AlertRuleRow {...closed} onDone={onDone} editing n={3} rule={rule} scopes={scopes} onChange={setRule} onRemove={() => {}} />
        </ul>
      );
    }
    render(<Open />);
    const user = userEvent.setup();
    expect(screen.getByLabelText('Rule 3 watches')).toHaveFocus();
    const cooldown = screen.getByLabelText('Rule 3 cooldown minutes');
    await user.clear(cooldown);
    await user.type(cooldown, '99999');
    expect(cooldown).toHaveAttribute('aria-invalid', 'true');
    expect(cooldown).toHaveAccessibleDescription('Enter a number from 0 to 10,080 minutes.');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).not.toHaveBeenCalled();
    expect(cooldown).toHaveFocus();
    await user.clear(cooldown);
    await user.type(cooldown, '45');
    expect(cooldown).toHaveAttribute('aria-invalid', 'false');
    expect(cooldown).not.toHaveAccessibleDescription();
    expect(screen.queryByText(/Enter a number/)).toBeNull();
    expect(screen.getByText('Tell me when All accounts rises 50 % and 10 users within 10 min; then wait 45 min')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('Esc and Cancel cancel the edit', async () => {
    const onCancel = vi.fn();
    render(
      <ul>
        <AlertRuleRow {...closed} onCancel={onCancel} editing n={3} rule={rise} scopes={scopes} onChange={() => {}} onRemove={() => {}} />
      </ul>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(closeTopOverlay()).toBe(true);
    expect(onCancel).toHaveBeenCalledTimes(2);
  });
});

describe('ruleProblem', () => {
  it('names the field and says what to enter', () => {
    expect(ruleProblem(rise)).toBeNull();
    expect(ruleProblem({ ...rise, spec: { ...rise.spec, windowMinutes: 0 } as AlertRule['spec'] })).toEqual({
      field: 'window minutes',
      message: 'Enter a number from 1 to 1,440 minutes.',
    });
  });
});
