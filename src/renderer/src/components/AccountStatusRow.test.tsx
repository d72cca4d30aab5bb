import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LUAPROT_DESCRIPTOR } from '../../../main/providers/luaprot/descriptor';
import type { AccountStatus } from '../../../shared/ipc-contract';
import { registerProviderDescriptors } from '../../../shared/provider-descriptor';
import { sampleAccountLive } from '../test-support/sample-data';
import { AccountStatusRow } from './AccountStatusRow';

beforeAll(() => registerProviderDescriptors([LUAPROT_DESCRIPTOR]));
afterEach(() => vi.useRealTimers());

const NOW = Date.UTC(2026, 11, 2, 10, 0, 0);

function row(status: Partial<AccountStatus>, provider: 'luaprot' | 'luaauth' = 'luaprot') {
  const base = sampleAccountLive({ account: { label: 'Main', provider } });
  const live = { ...base, status: { ...base.status, ...status } };
  const onOpenAccounts = vi.fn();
  render(
    <ul>
      <AccountStatusRow live={live} onRefresh={() => undefined} onOpenAccounts={onOpenAccounts} />
    </ul>,
  );
  return { onOpenAccounts };
}

const halted = (kind: 'forbidden' | 'unauthorized'): Partial<AccountStatus> => ({
  state: 'unauthorized',
  error: { kind, provider: 'luaprot', status: kind === 'forbidden' ? 403 : 401, message: 'no' },
  explanation: { title: 'LuaProt said no.', advice: 'Do something.' },
});

describe('AccountStatusRow', () => {
  it('an IP whitelist refusal says so, and offers no key replacement', () => {
    row(halted('forbidden'));
    expect(screen.getByText('IP not whitelisted')).toBeInTheDocument();
    expect(screen.queryByText(/key rejected/i)).toBeNull();
    expect(screen.queryByRole('button', { name: /replace the key/i })).toBeNull();
  });

  it('a rejected key says so and links to Accounts', () => {
    const { onOpenAccounts } = row(halted('unauthorized'));
    expect(screen.getByText('Key rejected')).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'Replace the key in Accounts' }).click());
    expect(onOpenAccounts).toHaveBeenCalledOnce();
  });

  it('counts down to the retry time main sent, and says who chose it; "Last update" ages too', () => {
    vi.useFakeTimers({ now: NOW });
    row(
      {
        state: 'rate_limited',
        lastSuccessAt: NOW - 30_000,
        error: { kind: 'rate_limited', provider: 'luaauth', status: 429, message: 'ratelimited', retryAfterMs: 5_000 },
        explanation: { title: 'LuaAuth is rate limiting requests.', advice: 'Pulsebar slows down on its own.' },
        retry: { at: NOW + 5_000, askedByProvider: true },
      },
      'luaauth',
    );
    const retry = screen.getByLabelText('Main retry');
    expect(retry).toHaveTextContent(/^Retrying in 5 s \(at .+\)\. LuaAuth asked Pulsebar to wait until then\.$/);
    expect(screen.getByText(/Last update 30 s ago/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3_000));
    expect(retry).toHaveTextContent(/^Retrying in 2 s/);
    act(() => vi.advanceTimersByTime(3_000));
    expect(retry).toHaveTextContent(/^Retrying now\./);
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByText(/Last update 1 min ago/)).toBeInTheDocument();
  });

  it("says when the wait is Pulsebar's own back-off", () => {
    vi.useFakeTimers({ now: NOW });
    row({ state: 'rate_limited', retry: { at: NOW + 90_000, askedByProvider: false }, explanation: { title: 'Rate limited.', advice: 'Wait.' } }, 'luaauth');
    expect(screen.getByLabelText('Main retry')).toHaveTextContent(/^Retrying in 1 min 30 s \(at .+\)\. LuaAuth gave no time; Pulsebar waits longer after each refusal in a row\.$/);
  });
});
