import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderCapabilities } from '../../../shared/ipc-contract';
import type { TargetRef } from '../stores/monitor-store';
import { useSessions } from '../stores/sessions-store';
import { BulkActions, SelectionToggle } from './BulkActions';

const initial = useSessions.getState();
beforeEach(() => useSessions.setState(initial, true));

const luaauthCaps: ProviderCapabilities = { message: 'command', disconnect: true, bulk: 'ids', scripts: true, search: 'filters', paging: 'offset' };
const target: TargetRef = { accountId: 'a', targetId: 't', provider: 'luaauth', kind: 'script', label: 'Farm', accountLabel: 'Main', count: null };

describe('BulkActions by selected rows', () => {
  it('shows no bar until a row is selected, then the count and both actions', async () => {
    const onRequest = vi.fn();
    render(
      <>
        <SelectionToggle visibleIds={['s1', 's2']} />
        <BulkActions target={target} capabilities={luaauthCaps} visibleIds={['s1', 's2']} onRequest={onRequest} />
      </>,
    );
    expect(screen.queryByRole('group', { name: 'Bulk actions' })).toBeNull();
    act(() => useSessions.getState().toggle('s2'));
    expect(screen.getByRole('group', { name: 'Bulk actions' })).toHaveTextContent('1 selected');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Disconnect selected' }));
    expect(onRequest).toHaveBeenCalledWith({ type: 'disconnect', sessionIds: ['s2'] });
  });

  it('"Select all shown" selects the shown rows, then clears them, and the bar goes again', async () => {
    const user = userEvent.setup();
    render(
      <>
        <SelectionToggle visibleIds={['s1', 's2']} />
        <BulkActions target={target} capabilities={luaauthCaps} visibleIds={['s1', 's2']} onRequest={vi.fn()} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    expect([...useSessions.getState().selected]).toEqual(['s1', 's2']);
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(useSessions.getState().selected.size).toBe(0);
    expect(screen.queryByRole('group', { name: 'Bulk actions' })).toBeNull();
  });

  it('a provider without actions shows them disabled, with the reason', () => {
    render(<BulkActions target={target} capabilities={{ ...luaauthCaps, bulk: false, reason: 'No actions here.' }} visibleIds={[]} onRequest={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Message selected' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Message selected' })).toHaveAccessibleDescription('No actions here.');
  });
});
