import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/model';
import { sampleSession, sampleSessions } from '../test-support/sample-data';
import { SessionList, sessionName } from './SessionList';

describe('sessionName', () => {
  it('is the username, else the Roblox id, else the session id', () => {
    expect(sessionName(sampleSession({ username: 'Ann' }))).toBe('Ann');
    expect(sessionName(sampleSession({ username: undefined, robloxUserId: '42' }))).toBe('Roblox 42');
    expect(sessionName(sampleSession({ username: undefined, id: 'abc' }))).toBe('Session abc');
  });
});

function renderList(sessions: Session[], selectable = true, selected: ReadonlySet<string> = new Set()) {
  const onToggle = vi.fn();
  const onOpen = vi.fn();
  render(<SessionList sessions={sessions} selectable={selectable} selected={selected} onToggle={onToggle} onOpen={onOpen} empty="Nobody online." />);
  return { onToggle, onOpen, user: userEvent.setup() };
}
const row = (name: string) => screen.getByRole('button', { name: `Open ${name}` });

describe('SessionList', () => {
  it('is a list of rows, each named for its player, with the count in the list’s name', () => {
    renderList(sampleSessions(3));
    const list = screen.getByRole('list', { name: 'Sessions, 3 shown' });
    expect(list).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(row('user1')).toBeInTheDocument();
  });

  it('counts heartbeats in words: 1 beat, 3 beats', () => {
    renderList([sampleSession({ id: 'a', username: 'Ann', beatCount: 1 }), sampleSession({ id: 'b', username: 'Bo', beatCount: 3 })]);
    expect(row('Ann')).toHaveTextContent(/(?:^|\D)1 beat(?!s)/);
    expect(row('Bo')).toHaveTextContent(/(?:^|\D)3 beats/);
  });

  it('has one Tab stop: the active row', () => {
    renderList(sampleSessions(3));
    expect(row('user0')).toHaveAttribute('tabindex', '0');
    expect(row('user1')).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).toHaveAttribute('tabindex', '-1');
  });

  it('moves the focus with the arrow keys, Home and End, and stays within the list', async () => {
    const { user } = renderList(sampleSessions(5));
    await user.tab();
    expect(row('user0')).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(row('user2')).toHaveFocus();
    expect(row('user2')).toHaveAttribute('tabindex', '0');
    expect(row('user0')).toHaveAttribute('tabindex', '-1');
    await user.keyboard('{ArrowUp}');
    expect(row('user1')).toHaveFocus();
    await user.keyboard('{End}');
    expect(row('user4')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(row('user4')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(row('user0')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(row('user0')).toHaveFocus();
  });

  it('Enter opens the focused session; Space selects it when rows are selectable', async () => {
    const sessions = sampleSessions(3);
    const { user, onOpen, onToggle } = renderList(sessions);
    await user.tab();
    await user.keyboard('{ArrowDown}{Enter}');
    // The row's session rides along with its id (an id-less row cannot be found again by id).
    expect(onOpen).toHaveBeenCalledWith('s1', sessions[1]);
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledWith('s1');
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('Space does not select when the provider has no bulk actions', async () => {
    const { user, onToggle } = renderList(sampleSessions(2), false);
    await user.tab();
    await user.keyboard(' ');
    expect(onToggle).not.toHaveBeenCalled();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('shows selection and toggles it with the checkbox', async () => {
    const { user, onToggle } = renderList(sampleSessions(2), true, new Set(['s1']));
    expect(screen.getByRole('checkbox', { name: 'Select user1' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select user0' })).not.toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Select user0' }));
    expect(onToggle).toHaveBeenCalledWith('s0');
  });

  it('says why it is empty, beside the list rather than inside it (a list owns list items only)', () => {
    const onOpen = vi.fn();
    render(
      <SessionList
        sessions={[]}
        selectable
        selected={new Set()}
        onToggle={vi.fn()}
        onOpen={onOpen}
        empty={<button type="button">Clear search</button>}
      />,
    );
    const list = screen.getByRole('list', { name: 'Sessions, 0 shown' });
    const clear = screen.getByRole('button', { name: 'Clear search' });
    expect(list).not.toContainElement(clear);
    expect(list.children).toHaveLength(0);
  });

  it('has nothing but list items inside the list', () => {
    renderList(sampleSessions(3));
    const list = screen.getByRole('list', { name: 'Sessions, 3 shown' });
    expect([...list.children].map((c) => c.getAttribute('role'))).toEqual(['listitem', 'listitem', 'listitem']);
  });

  it('keeps the active row in range when the list shrinks', async () => {
    const onToggle = vi.fn();
    const props = { selectable: true, selected: new Set<string>(), onToggle, onOpen: vi.fn() };
    const { rerender } = render(<SessionList sessions={sampleSessions(4)} {...props} />);
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{End}');
    rerender(<SessionList sessions={sampleSessions(2)} {...props} />);
    expect(row('user1')).toHaveAttribute('tabindex', '0');
  });
});

describe('SessionList rows without an id', () => {
  it('are listed, each its own row, named in words, and cannot be selected by click or Space', async () => {
    const sessions = [
      sampleSession({ id: '', username: undefined, robloxUserId: undefined }),
      sampleSession({ id: '', username: 'Ann' }),
      sampleSession({ id: 's2', username: 'Bob' }),
    ];
    const { onToggle, onOpen, user } = renderList(sessions);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(sessionName(sessions[0]!)).toBe('Session without an id');
    expect(screen.getByRole('checkbox', { name: 'Select Ann' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Select Bob' })).toBeEnabled();
    await user.tab();
    await user.keyboard('{ArrowDown}');
    expect(row('Ann')).toHaveFocus();
    await user.keyboard(' ');
    expect(onToggle).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('', sessions[1]);
  });
});
