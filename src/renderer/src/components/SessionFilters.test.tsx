import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { closeTopOverlay } from '../keyboard';
import { activeFilterCount, SessionFilters } from './SessionFilters';

const FIELDS = [
  { field: 'key', label: 'Key' },
  { field: 'job_id', label: 'Job id' },
] as const;

function Harness({ initial = {} }: { initial?: Partial<Record<'key' | 'job_id', string>> }) {
  const [values, setValues] = useState(initial);
  return (
    <>
      <SessionFilters fields={FIELDS} values={values} onChange={(f, v) => setValues({ ...values, [f]: v })} onClear={() => setValues({})} />
      <output aria-label="values">{JSON.stringify(values)}</output>
    </>
  );
}

describe('activeFilterCount', () => {
  it('counts filters holding more than blanks', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ key: ' ', job_id: '' })).toBe(0);
    expect(activeFilterCount({ key: 'K1', job_id: 'j', place_id: undefined })).toBe(2);
  });
});

describe('SessionFilters', () => {
  it('opens from the keyboard, focuses its first field, and Esc closes it with the focus back on the button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const button = screen.getByRole('button', { name: 'Filters' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('group', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Key' })).toHaveFocus();
    await user.keyboard('K-1');
    // Esc is routed through the app's overlay stack (App's global key handler calls closeTopOverlay).
    expect(closeTopOverlay()).toBe(true);
    await screen.findByRole('button', { name: 'Filters, 1 active' });
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Filters, 1 active' })).toHaveFocus();
    expect(screen.getByLabelText('values')).toHaveTextContent('{"key":"K-1"}');
  });

  it('shows how many filters are on, and clears them all', async () => {
    const user = userEvent.setup();
    render(<Harness initial={{ key: 'K', job_id: 'J' }} />);
    await user.click(screen.getByRole('button', { name: 'Filters, 2 active' }));
    expect(screen.getByRole('searchbox', { name: 'Job id' })).toHaveValue('J');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('button', { name: 'Filters' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull();
  });

  it('closes on a click outside, leaving the values', async () => {
    const user = userEvent.setup();
    render(<Harness initial={{ key: 'K' }} />);
    await user.click(screen.getByRole('button', { name: 'Filters, 1 active' }));
    await user.click(screen.getByLabelText('values'));
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull();
    expect(closeTopOverlay()).toBe(false);
  });
});
