import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { IpcFailure } from '../api';
import { closeTopOverlay } from '../keyboard';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog } from './Dialog';

function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Edit thing" onClose={() => setOpen(false)}>
          <input aria-label="Thing name" />
        </Dialog>
      )}
    </>
  );
}

describe('Dialog', () => {
  it('is a labelled modal that takes the focus to its first field and gives it back on close', async () => {
    const user = userEvent.setup();
    render(<Opener />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit thing' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('textbox', { name: 'Thing name' })).toHaveFocus();
    act(() => {
      expect(closeTopOverlay()).toBe(true);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('keeps Tab inside: from the last control to the first, Shift+Tab from the first to the last', async () => {
    const user = userEvent.setup();
    render(
      <>
        <button type="button">Outside</button>
        <Dialog title="T" onClose={() => {}} footer={<button type="button">Save</button>}>
          <input aria-label="Name" />
        </Dialog>
      </>,
    );
    const name = screen.getByRole('textbox', { name: 'Name' });
    const save = screen.getByRole('button', { name: 'Save' });
    const close = screen.getByRole('button', { name: 'Close' });
    expect(name).toHaveFocus();
    await user.tab();
    expect(save).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus(); // wrapped to the first control, not out to "Outside"
    await user.tab({ shift: true });
    expect(save).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Outside' })).not.toHaveFocus();
  });

  it('runs onSubmit on Ctrl+Enter and on Cmd+Enter, not on a plain Enter', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(
      <Dialog title="T" onClose={() => {}} onSubmit={onSubmit}>
        <textarea aria-label="Text" />
      </Dialog>,
    );
    await user.keyboard('{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    expect(onSubmit).toHaveBeenCalledTimes(2);
  });

  it('closes from its × button', async () => {
    const onClose = vi.fn();
    render(
      <Dialog title="T" onClose={onClose}>
        <p>body</p>
      </Dialog>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('ConfirmDialog', () => {
  const renderConfirm = (onConfirm: () => Promise<unknown>) => {
    const onClose = vi.fn();
    render(<ConfirmDialog title="Remove Main?" message="Its key is deleted." confirmLabel="Remove account" danger onConfirm={onConfirm} onClose={onClose} />);
    return { onClose, user: userEvent.setup() };
  };

  it('asks as an alert dialog with the focus on Cancel, so a stray Enter does nothing destructive', async () => {
    const onConfirm = vi.fn(async () => {});
    const { onClose, user } = renderConfirm(onConfirm);
    expect(screen.getByRole('alertdialog', { name: 'Remove Main?' })).toHaveTextContent('Its key is deleted.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('closes once the action succeeded', async () => {
    const { onClose, user } = renderConfirm(async () => {});
    await user.click(screen.getByRole('button', { name: 'Remove account' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays open with the failure in words, and can be tried again', async () => {
    const onConfirm = vi.fn(async () => {
      throw new IpcFailure({ kind: 'failed', message: 'x', explanation: { title: 'The keychain is locked.', advice: 'Unlock it and try again.' } });
    });
    const { onClose, user } = renderConfirm(onConfirm);
    await user.click(screen.getByRole('button', { name: 'Remove account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The keychain is locked. Unlock it and try again.');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Remove account' })).toBeEnabled();
  });

  it('with a question to acknowledge, confirms only once it is ticked', async () => {
    const onConfirm = vi.fn(async () => {});
    const onClose = vi.fn();
    render(
      <ConfirmDialog title="Disconnect everyone?" message="This disconnects everyone." confirmLabel="Disconnect" danger acknowledge="Yes, everyone" onConfirm={onConfirm} onClose={onClose} />,
    );
    const user = userEvent.setup();
    const go = screen.getByRole('button', { name: 'Disconnect' });
    expect(go).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Yes, everyone' }));
    await user.click(go);
    expect(onConfirm).toHaveBeenCalledOnce();
  });
});
