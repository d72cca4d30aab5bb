import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useUi } from '../stores/ui-store';
import { NoticeStack } from './NoticeStack';

const initial = useUi.getState();
beforeEach(() => useUi.setState(initial, true));

describe('NoticeStack', () => {
  it('keeps a well-formed list (items only) while each notice is still announced as status or alert', () => {
    useUi.getState().notify('Channel "Phone" added.');
    useUi.getState().notify('Could not save.', 'error');
    render(<NoticeStack />);
    const list = screen.getByRole('list', { name: 'Notices' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByRole('status')).toHaveTextContent('Channel "Phone" added.');
    expect(within(list).getByRole('alert')).toHaveTextContent('Could not save.');
  });
});
