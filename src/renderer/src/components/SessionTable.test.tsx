import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../shared/model';
import { sampleSession } from '../test-support/sample-data';
import { SessionTable } from './SessionTable';

const sessions: Session[] = [
  sampleSession({ id: 'id-b', username: 'bob', userKey: 'KEY-B', jobId: 'job-2', hwid: 'HW-B' }),
  sampleSession({ id: 'id-a', username: 'ann', userKey: 'KEY-A', jobId: 'job-1', hwid: 'HW-A' }),
  sampleSession({ id: '', username: 'ghost', jobId: 'job-3' }),
];

function renderTable(over: Partial<Parameters<typeof SessionTable>[0]> = {}) {
  const onToggle = vi.fn();
  const onOpen = vi.fn();
  render(<SessionTable sessions={sessions} selectable selected={new Set()} onToggle={onToggle} onOpen={onOpen} {...over} />);
  return { onToggle, onOpen };
}
const playerOrder = () => screen.getAllByRole('button', { name: /^Open / }).map((b) => b.getAttribute('aria-label'));

describe('SessionTable', () => {
  it('is a table named with its count, a column per fact the rows give', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Sessions, 3 shown' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Player', 'Session id', 'Key', 'Job id', 'HWID', 'Connected']));
    expect(headers).not.toContain('Place');
  });

  it('sorts by a header, by click and by keyboard, and says the order in aria-sort', async () => {
    const user = userEvent.setup();
    renderTable();
    const player = screen.getByRole('columnheader', { name: /^Player/ });
    expect(player).toHaveAttribute('aria-sort', 'none');
    await user.click(within(player).getByRole('button'));
    expect(player).toHaveAttribute('aria-sort', 'ascending');
    expect(playerOrder()).toEqual(['Open ann', 'Open bob', 'Open ghost']);
    within(player).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(player).toHaveAttribute('aria-sort', 'descending');
    expect(playerOrder()).toEqual(['Open ghost', 'Open bob', 'Open ann']);
    // Rows without a key go last whichever way.
    const key = screen.getByRole('columnheader', { name: /^Key/ });
    await user.click(within(key).getByRole('button'));
    expect(key).toHaveAttribute('aria-sort', 'ascending');
    expect(player).toHaveAttribute('aria-sort', 'none');
    expect(playerOrder()).toEqual(['Open ann', 'Open bob', 'Open ghost']);
  });

  it('resizes a column with the arrow keys and by dragging its edge, within limits', async () => {
    const user = userEvent.setup();
    renderTable();
    const grip = screen.getByRole('separator', { name: 'Resize Key column' });
    const start = Number(grip.getAttribute('aria-valuenow'));
    grip.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(grip).toHaveAttribute('aria-valuenow', String(start + 32));
    await user.keyboard('{Home}');
    expect(grip).toHaveAttribute('aria-valuenow', grip.getAttribute('aria-valuemin'));
    // Arrow keys on a grip resize; they do not move the row focus.
    expect(grip).toHaveFocus();
    grip.setPointerCapture = vi.fn();
    grip.hasPointerCapture = vi.fn(() => true);
    grip.releasePointerCapture = vi.fn();
    fireEvent.pointerDown(grip, { clientX: 100, pointerId: 1 });
    fireEvent.pointerMove(grip, { clientX: 180, pointerId: 1 });
    fireEvent.pointerUp(grip, { clientX: 180, pointerId: 1 });
    expect(grip).toHaveAttribute('aria-valuenow', String(Number(grip.getAttribute('aria-valuemin')) + 80));
  });

  it('copies a cell’s value to the clipboard and says so', async () => {
    const user = userEvent.setup();
    renderTable();
    await user.click(screen.getByRole('button', { name: 'Copy key of bob' }));
    expect(await navigator.clipboard.readText()).toBe('KEY-B');
    expect(screen.getByRole('button', { name: 'Copy key of bob' })).toHaveTextContent('Copied');
    expect(screen.getByRole('status')).toHaveTextContent('Copied.');
    // Another row's buttons come with the pointer.
    expect(screen.queryByRole('button', { name: 'Copy HWID of ann' })).toBeNull();
    await user.hover(screen.getByRole('button', { name: 'Open ann' }));
    await user.click(screen.getByRole('button', { name: 'Copy HWID of ann' }));
    expect(await navigator.clipboard.readText()).toBe('HW-A');
    // One feedback at a time: the newest copy's.
    expect(screen.getAllByRole('button', { name: /^Copy / }).filter((b) => b.textContent === 'Copied')).toEqual([
      screen.getByRole('button', { name: 'Copy HWID of ann' }),
    ]);
  });

  it('says when the clipboard refused, in words', async () => {
    const user = userEvent.setup();
    renderTable();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    document.execCommand = vi.fn(() => false);
    await user.click(screen.getByRole('button', { name: 'Copy job id of bob' }));
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy: select the text and press Ctrl+C.');
  });

  it('shares the list’s keyboard and selection: arrows move, Space selects, Enter opens; no selection for an id-less row', async () => {
    const user = userEvent.setup();
    const { onToggle, onOpen } = renderTable();
    expect(screen.getByRole('checkbox', { name: 'Select ghost' })).toBeDisabled();
    screen.getByRole('button', { name: 'Open bob' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Open ann' })).toHaveFocus();
    await user.keyboard(' ');
    expect(onToggle).toHaveBeenCalledWith('id-a');
    await user.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith('id-a', sessions[1]);
    await user.keyboard('{ArrowDown} ');
    expect(onToggle).toHaveBeenCalledTimes(1);
    // The focused row's copy buttons are there and next in the Tab order.
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Copy key of ann' })).toHaveAttribute('tabindex', '0');
    expect(screen.queryByRole('button', { name: 'Copy key of bob' })).toBeNull();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Copy session id of ann' })).toHaveFocus();
  });
});
