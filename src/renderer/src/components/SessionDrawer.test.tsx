import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderCapabilities, SessionDetail } from '../../../shared/ipc-contract';
import { useSessions } from '../stores/sessions-store';
import { sampleSession } from '../test-support/sample-data';
import { SessionDrawer } from './SessionDrawer';

const initial = useSessions.getState();
beforeEach(() => useSessions.setState(initial, true));

const luaprot: ProviderCapabilities = { message: 'text', disconnect: true, bulk: 'scope', scripts: false, search: 'local', paging: 'none' };
const none: ProviderCapabilities = { ...luaprot, message: false, disconnect: false, reason: 'This provider has no session actions.' };

function renderDrawer(data: SessionDetail | null, caps: ProviderCapabilities = luaprot) {
  useSessions.setState({ detail: { sessionId: 's-1', data, error: null, loading: false }, sessions: [sampleSession({ id: 's-1' })] });
  const onMessage = vi.fn();
  render(<SessionDrawer capabilities={caps} onMessage={onMessage} onDisconnect={vi.fn()} hubLabel={(id) => (id === 'h1' ? 'Alpha hub' : undefined)} />);
  return { drawer: screen.getByRole('dialog', { name: 'Session Builderman' }), onMessage };
}
const fact = (drawer: HTMLElement, label: string) => within(drawer).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;

describe('SessionDrawer key record', () => {
  it('puts known fields in words and the rest un-camel-cased, leaving empty ones out', () => {
    const { drawer } = renderDrawer({
      session: sampleSession({ id: 's-1' }),
      keyRecord: { hubId: 'h1', discordId: 123456789012, blacklisted: false, executionCount: 12345, someOddField: 'x', note: '', hwid: null },
    });
    const record = within(drawer).getByRole('heading', { name: 'Key record' }).parentElement!;
    expect(fact(record, 'Hub')).toBe('Alpha hub (h1)');
    expect(fact(record, 'Discord id')).toBe('123456789012');
    expect(fact(record, 'Blacklisted')).toBe('no');
    expect(fact(record, 'Executions')).toBe((12345).toLocaleString());
    expect(fact(record, 'Some odd field')).toBe('x');
    expect(within(record).queryByText('Note')).toBeNull();
    expect(within(record).queryByText('HWID')).toBeNull();
  });

  it('shows times as dates and keeps the raw copy out of the record', () => {
    const at = Date.UTC(2026, 0, 5, 10, 30);
    const { drawer } = renderDrawer({ session: sampleSession({ id: 's-1' }), keyRecord: { expireAt: at, extra: { raw: true } } });
    const record = within(drawer).getByRole('heading', { name: 'Key record' }).parentElement!;
    expect(fact(record, 'Expires')).not.toBe(String(at));
    expect(fact(record, 'Expires')).toMatch(/\d/);
    expect(within(record).queryByText('Extra')).toBeNull();
  });

  it('gives the year of a date outside this year, and leaves it out within it', () => {
    const thisYear = new Date().getFullYear();
    const later = new Date(thisYear + 1, 7, 26, 12).getTime();
    const { drawer } = renderDrawer({ session: sampleSession({ id: 's-1' }), keyRecord: { expireAt: later, createdAt: new Date(thisYear, 0, 2, 12).getTime() } });
    const record = within(drawer).getByRole('heading', { name: 'Key record' }).parentElement!;
    expect(fact(record, 'Expires')).toContain(String(thisYear + 1));
    expect(fact(record, 'Created')).not.toContain(String(thisYear));
  });
});

describe('SessionDrawer actions', () => {
  it('offers the provider’s actions', () => {
    const { drawer } = renderDrawer(null);
    expect(within(drawer).getByRole('button', { name: 'Message' })).toBeEnabled();
    expect(within(drawer).getByRole('button', { name: 'Disconnect' })).toBeEnabled();
  });
  it('shows missing actions disabled, described by the reason', () => {
    const { drawer } = renderDrawer(null, none);
    const message = within(drawer).getByRole('button', { name: 'Message' });
    expect(message).toBeDisabled();
    expect(message).toHaveAccessibleDescription('This provider has no session actions.');
  });
});
