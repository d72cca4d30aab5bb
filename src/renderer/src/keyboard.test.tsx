import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { closeTopOverlay, focusSearch, useEscape } from './keyboard';

function Overlay({ onEscape, active = true }: { onEscape: () => void; active?: boolean }) {
  useEscape(onEscape, active);
  return null;
}

describe('useEscape / closeTopOverlay', () => {
  it('says nothing took the Esc when no overlay is open', () => {
    expect(closeTopOverlay()).toBe(false);
  });

  it('closes the overlay opened last first, and forgets overlays that closed', () => {
    const drawer = vi.fn();
    const dialog = vi.fn();
    const { rerender, unmount } = render(
      <>
        <Overlay onEscape={drawer} />
        <Overlay onEscape={dialog} />
      </>,
    );
    expect(closeTopOverlay()).toBe(true);
    expect(dialog).toHaveBeenCalledOnce();
    expect(drawer).not.toHaveBeenCalled();
    rerender(<Overlay onEscape={drawer} />);
    expect(closeTopOverlay()).toBe(true);
    expect(drawer).toHaveBeenCalledOnce();
    unmount();
    expect(closeTopOverlay()).toBe(false);
  });

  it('an inactive overlay does not take the Esc', () => {
    const onEscape = vi.fn();
    render(<Overlay onEscape={onEscape} active={false} />);
    expect(closeTopOverlay()).toBe(false);
    expect(onEscape).not.toHaveBeenCalled();
  });

  it('calls the latest handler, not the one from the first render', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender, unmount } = render(<Overlay onEscape={first} />);
    rerender(<Overlay onEscape={latest} />);
    closeTopOverlay();
    expect(latest).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    unmount();
  });
});

describe('focusSearch', () => {
  it('focuses and selects the view’s search box, or reports there is none', () => {
    expect(focusSearch()).toBe(false);
    render(<input data-search defaultValue="bob" aria-label="Search" />);
    expect(focusSearch()).toBe(true);
    const box = document.querySelector('input')!;
    expect(box).toHaveFocus();
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 3]);
  });
});
