import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { useChannels } from '../stores/channels-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleChannel } from '../test-support/sample-channels';
import { ChannelsSection } from './ChannelsSection';

const initial = useChannels.getState();
beforeEach(() => useChannels.setState(initial, true));

const SECRET = 'https://discord.com/api/webhooks/123/sEcReTtOkEn';

describe('ChannelsSection', () => {
  it('adds a channel, empties the URL field and shows only the masked URL', async () => {
    const bridge = installFakeBridge({
      'channels:list': [],
      'channels:add': (r) => sampleChannel({ id: 'c9', label: r.label, kind: r.kind, maskedUrl: 'https://discord.com/…oKeN' }),
    });
    const user = userEvent.setup();
    render(<ChannelsSection />);
    expect(await screen.findByText(/No channels yet/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Add a channel' });
    expect(within(form).getByText(/Server Settings → Integrations → Webhooks/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Name'), 'Phone');
    await user.type(within(form).getByLabelText('URL'), SECRET);
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    const card = await screen.findByRole('listitem', { name: 'Channel Phone' });
    expect(within(card).getByLabelText('Phone URL (masked)')).toHaveTextContent('https://discord.com/…oKeN');
    expect(within(form).getByLabelText('URL')).toHaveValue('');
    expect(document.body.innerHTML).not.toContain('sEcReTtOkEn');
    expect(bridge.callsTo('channels:add')).toEqual([{ kind: 'discord', label: 'Phone', url: SECRET }]);
  });

  it('shows a refusal next to the field it names, in words, and clears it once that field is edited', async () => {
    installFakeBridge({
      'channels:list': [],
      'channels:add': { fail: { kind: 'invalid_request', message: 'url: Only https URLs are accepted (plain http only for 127.0.0.1 / localhost).' } },
    });
    const user = userEvent.setup();
    render(<ChannelsSection />);
    const form = await screen.findByRole('form', { name: 'Add a channel' });
    await user.selectOptions(within(form).getByLabelText('Kind'), 'ntfy');
    expect(within(form).getByText(/https:\/\/ntfy.sh\/your-secret-topic/)).toBeInTheDocument();
    await user.type(within(form).getByLabelText('Name'), 'Topic');
    const url = within(form).getByLabelText('URL');
    await user.type(url, 'http://example.com/t');
    await user.click(within(form).getByRole('button', { name: 'Add channel' }));
    expect(await within(form).findByText(/^Only https URLs are accepted/)).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription(/Only https URLs are accepted/);
    await user.type(url, 'x');
    expect(within(form).queryByText(/^Only https URLs are accepted/)).toBeNull();
    expect(url).not.toHaveAttribute('aria-invalid');
  });

  it('shows each channel state in words and follows status pushes', async () => {
    const bridge = installFakeBridge({ 'channels:list': [sampleChannel()] });
    render(<ChannelsSection />);
    const state = await screen.findByRole('status', { name: 'Phone state' });
    expect(state).toHaveTextContent('Nothing sent yet.');
    act(() =>
      bridge.emit('channels:status', {
        id: 'c1',
        status: { state: 'failing', lastDeliveredAt: null, lastFailedAt: 1, lastError: 'Phone (Discord webhook): HTTP 404, Unknown Webhook', queued: 0 },
      }),
    );
    expect(state).toHaveTextContent('Failing: Phone (Discord webhook): HTTP 404, Unknown Webhook');
  });

  it('saves a choice as it is made, sends a test with its result in words, and removes after confirmation', async () => {
    const bridge = installFakeBridge({
      'channels:list': [sampleChannel()],
      'channels:update': (p) => sampleChannel({ ...p }),
      'channels:test': { ok: false, attempts: 1, status: 404, error: 'HTTP 404: Unknown Webhook' },
      'channels:remove': undefined,
    });
    const user = userEvent.setup();
    render(<ChannelsSection />);
    const card = await screen.findByRole('listitem', { name: 'Channel Phone' });
    await user.click(within(card).getByRole('checkbox', { name: 'Drops' }));
    await user.click(within(card).getByRole('checkbox', { name: /^Keep quiet hours/ }));
    await user.click(within(card).getByRole('switch', { name: 'Phone enabled' }));
    expect(bridge.callsTo('channels:update')).toEqual([
      { id: 'c1', kinds: ['rise', 'threshold', 'all_time_high'] },
      { id: 'c1', respectQuietHours: false },
      { id: 'c1', enabled: false },
    ]);
    await user.click(within(card).getByRole('button', { name: 'Send test' }));
    expect(await within(card).findByRole('status', { name: 'Phone test result' })).toHaveTextContent('Test failed: HTTP 404: Unknown Webhook');

    await user.click(within(card).getByRole('button', { name: 'Remove' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Remove Phone?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove channel' }));
    expect(await screen.findByText(/No channels yet/)).toBeInTheDocument();
    expect(bridge.callsTo('channels:remove')).toEqual([{ id: 'c1' }]);
  });

  it('replaces a URL: refused at its field first, then saved, the field gone and only the new mask shown', async () => {
    let calls = 0;
    const bridge = installFakeBridge({
      'channels:list': [sampleChannel({ maskedUrl: null })],
      'channels:update': (p) =>
        ++calls === 1
          ? { fail: { kind: 'invalid_request', message: 'url: That is not a Discord webhook URL; paste the webhook URL.' } }
          : sampleChannel({ id: p.id, maskedUrl: 'https://discord.com/…NeW1' }),
    });
    const user = userEvent.setup();
    render(<ChannelsSection />);
    const card = await screen.findByRole('listitem', { name: 'Channel Phone' });
    expect(within(card).getByRole('status', { name: 'Phone state' })).toHaveTextContent(/No URL stored .*Replace URL/);
    await user.click(within(card).getByRole('button', { name: 'Replace URL' }));
    const form = within(card).getByRole('form', { name: 'New URL for Phone' });
    const field = within(form).getByLabelText('New URL');
    await user.type(field, 'https://example.com/x');
    await user.click(within(form).getByRole('button', { name: 'Save URL' }));
    expect(await within(form).findByText('That is not a Discord webhook URL; paste the webhook URL.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    expect(within(form).queryByText(/not a Discord webhook URL/)).toBeNull();
    await user.type(field, 'https://discord.com/api/webhooks/1/secretNeW1');
    await user.click(within(form).getByRole('button', { name: 'Save URL' }));
    expect(await within(card).findByLabelText('Phone URL (masked)')).toHaveTextContent('https://discord.com/…NeW1');
    expect(within(card).queryByRole('form', { name: 'New URL for Phone' })).toBeNull();
    expect(document.body.innerHTML).not.toContain('secretNeW1');
    expect(bridge.callsTo('channels:update').at(-1)).toEqual({ id: 'c1', url: 'https://discord.com/api/webhooks/1/secretNeW1' });
  });
});
