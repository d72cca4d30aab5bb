import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ResponseOf } from '../../../shared/ipc-contract';
import { useUi } from '../stores/ui-store';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { MessageDialog, checkJson, type MessageRecipients } from './MessageDialog';

describe('checkJson', () => {
  it('accepts empty data (none is sent) and any JSON value', () => {
    expect(checkJson('')).toBeNull();
    expect(checkJson('   ')).toBeNull();
    expect(checkJson('{"text":"hi"}')).toBeNull();
    expect(checkJson('42')).toBeNull();
  });
  it('names what is wrong with data that does not parse', () => {
    expect(checkJson('{text: hi}')).toMatch(/^Data is not valid JSON: /);
  });
});

const one: MessageRecipients = { kind: 'one', sessionId: 's1', name: 'Builderman' };
const three: MessageRecipients = { kind: 'ids', sessionIds: ['s1', 's2', 's3'] };

function open(props: { mode: 'text' | 'command'; recipients: MessageRecipients; provider?: 'luaprot' | 'luaauth' }) {
  const onClose = vi.fn();
  const onSent = vi.fn();
  render(
    <MessageDialog
      accountId="acc"
      provider={props.provider ?? (props.mode === 'text' ? 'luaprot' : 'luaauth')}
      mode={props.mode}
      recipients={props.recipients}
      onClose={onClose}
      onSent={onSent}
      nameOf={(id) => ({ s1: 'Alice', s2: 'Bob' })[id]}
    />,
  );
  return { onClose, onSent, user: userEvent.setup() };
}

describe('MessageDialog, LuaProt text', () => {
  it('sends to one session at once and shows LuaProt’s answer', async () => {
    const bridge = installFakeBridge({ 'sessions:message': { provider: 'luaprot', message: 'Message queued.' } });
    const { user, onSent } = open({ mode: 'text', recipients: one });
    expect(screen.getByRole('dialog', { name: 'Message Builderman' })).toBeInTheDocument();
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'hello');
    await user.click(send);
    expect(await screen.findByText('LuaProt: Message queued.')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:message')).toEqual([expect.objectContaining({ accountId: 'acc', sessionId: 's1', text: 'hello' })]);
    expect(onSent).toHaveBeenCalledOnce();
    // The footer's Close replaces Cancel/Send once the answer is in.
    expect(screen.getAllByRole('button', { name: 'Close' })).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
  });

  it('starts with the focus in the message box, so typing (a space first) never closes the dialog', async () => {
    installFakeBridge();
    const { user, onClose } = open({ mode: 'text', recipients: one });
    await user.keyboard(' hi');
    expect(screen.getByRole('textbox', { name: /^Message/ })).toHaveValue(' hi');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends with Ctrl+Enter from the message box, and does nothing while the text is invalid', async () => {
    const bridge = installFakeBridge({ 'sessions:message': { provider: 'luaprot', message: 'Message queued.' } });
    const { user } = open({ mode: 'text', recipients: one });
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('sessions:message')).toEqual([]);
    await user.keyboard('hello{Control>}{Enter}{/Control}');
    expect(await screen.findByText('LuaProt: Message queued.')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:message')).toEqual([expect.objectContaining({ text: 'hello' })]);
  });

  it('for many sessions, Ctrl+Enter goes to the review first and sends only from there', async () => {
    const bridge = installFakeBridge({ 'sessions:messageMany': { provider: 'luaprot', message: 'ok' } });
    const { user } = open({ mode: 'text', recipients: three });
    await user.keyboard('hello{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('sessions:messageMany')).toEqual([]);
    expect(screen.getByRole('button', { name: /^Send to 3 sessions/ })).toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(await screen.findByText('LuaProt: ok')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:messageMany')).toHaveLength(1);
  });

  it('counts characters as the user sees them and refuses more than 100, in words', async () => {
    installFakeBridge();
    const { user } = open({ mode: 'text', recipients: one });
    const box = screen.getByRole('textbox', { name: /^Message/ });
    await user.click(box);
    // 99 emoji are 99 characters (198 UTF-16 units): still sendable.
    await user.paste('😀'.repeat(99));
    expect(screen.getByText('99 / 100')).toBeInTheDocument();
    await user.type(box, 'a');
    expect(screen.getByText('100 / 100')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.type(box, 'b');
    expect(screen.getByText('101 / 100')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The message must be 1 to 100 characters.');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('reviews a bulk message before sending, and Back keeps the text', async () => {
    const bridge = installFakeBridge({ 'sessions:messageMany': { provider: 'luaprot', message: 'Sent to 3.' } });
    const { user } = open({ mode: 'text', recipients: three });
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'restart soon');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('status')).toHaveTextContent('This message will be sent to the 3 selected sessions:');
    expect(screen.getByLabelText('Message to send')).toHaveTextContent(/^restart soon$/);
    expect(screen.getByText('Send it?')).toBeInTheDocument();
    expect(bridge.calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('textbox', { name: /^Message/ })).toHaveValue('restart soon');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Send to 3 sessions' }));
    expect(await screen.findByText('LuaProt: Sent to 3.')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:messageMany')).toEqual([
      expect.objectContaining({ accountId: 'acc', sessionIds: ['s1', 's2', 's3'], text: 'restart soon' }),
    ]);
  });

  it('a whole-hub scope with no known count says "every session" and sends the scope', async () => {
    const bridge = installFakeBridge({ 'sessions:messageMany': { provider: 'luaprot', message: 'ok' } });
    const { user } = open({ mode: 'text', recipients: { kind: 'scope', scope: { hubId: 'h1' }, label: 'Alpha hub', count: null } });
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'hi');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('status')).toHaveTextContent('will be sent to every session in Alpha hub');
    await user.click(screen.getByRole('button', { name: 'Send to all' }));
    await screen.findByText('LuaProt: ok');
    expect(bridge.callsTo('sessions:messageMany')[0]).toMatchObject({ scope: { hubId: 'h1' } });
    expect(bridge.callsTo('sessions:messageMany')[0]).not.toHaveProperty('sessionIds');
  });

  it('quotes everyone in the hub beside the filtered list, and sends only once the user says they mean everyone', async () => {
    const bridge = installFakeBridge({ 'sessions:messageMany': { provider: 'luaprot', message: 'ok' } });
    const { user } = open({ mode: 'text', recipients: { kind: 'scope', scope: { hubId: 'h1' }, label: 'hub Alpha hub', count: 5000, shown: 501 } });
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'server restart');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'This message will be sent to everyone in hub Alpha hub — 5,000 sessions (the list shows a filter of 501):',
    );
    expect(screen.getByLabelText('Message to send')).toHaveTextContent(/^server restart$/);
    const meant = screen.getByRole('checkbox', { name: 'Yes, everyone in hub Alpha hub (5,000), not only the 501 shown' });
    expect(meant).toHaveFocus();
    const sendAll = screen.getByRole('button', { name: 'Send to 5,000 sessions' });
    expect(sendAll).toBeDisabled();
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(bridge.callsTo('sessions:messageMany')).toEqual([]);
    await user.click(meant);
    await user.click(sendAll);
    await screen.findByText('LuaProt: ok');
    expect(bridge.callsTo('sessions:messageMany')).toEqual([expect.objectContaining({ scope: { hubId: 'h1' }, text: 'server restart' })]);
  });

  it('shows a failed send in words and still lets the user close', async () => {
    installFakeBridge({
      'sessions:message': { fail: { kind: 'rate_limited', message: '429', explanation: { title: 'LuaProt is rate limiting.', advice: 'Wait a minute.' } } },
    });
    const { user, onSent, onClose } = open({ mode: 'text', recipients: one });
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'hi');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('LuaProt is rate limiting. Wait a minute.');
    expect(onSent).not.toHaveBeenCalled();
    await user.click(screen.getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(onClose).toHaveBeenCalled();
  });
});

describe('MessageDialog, LuaAuth command', () => {
  it('needs a command key and valid JSON data before it can send', async () => {
    installFakeBridge();
    const { user } = open({ mode: 'command', recipients: one });
    const send = screen.getByRole('button', { name: 'Send' });
    expect(send).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Data (JSON)' }), '{{bad');
    expect(screen.getByRole('alert')).toHaveTextContent('A command key is required.');
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    expect(screen.getByRole('alert')).toHaveTextContent(/^Data is not valid JSON/);
    expect(screen.getByRole('textbox', { name: 'Data (JSON)' })).toHaveAttribute('aria-invalid', 'true');
    expect(send).toBeDisabled();
    await user.clear(screen.getByRole('textbox', { name: 'Data (JSON)' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(send).toBeEnabled();
  });

  it('waits with progress, then shows processed, response and reason', async () => {
    const answer = deferred<ResponseOf<'sessions:message'>>();
    const bridge = installFakeBridge({ 'sessions:message': () => answer.promise });
    const { user } = open({ mode: 'command', recipients: one });
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), '  notify ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByText('Waiting for the script to answer…')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Waiting for an answer' })).toBeInTheDocument();
    const request = bridge.callsTo('sessions:message')[0]!;
    expect(request).toMatchObject({ command: 'notify' });
    expect(request).not.toHaveProperty('data');
    await act(async () => answer.resolve({ provider: 'luaauth', result: { processed: false, response: { a: 1 }, reason: 'busy' } }));
    const facts = screen.getByRole('status', { name: 'Answer' });
    expect(facts).toHaveTextContent('Processedno');
    expect(facts).toHaveTextContent('Response{"a":1}');
    expect(facts).toHaveTextContent('Reasonbusy');
  });

  it('cancelling the wait asks main to stop and says it was cancelled', async () => {
    const answer = deferred<ResponseOf<'sessions:message'>>();
    const bridge = installFakeBridge({
      'sessions:message': () => answer.promise,
      'ops:cancel': () => {
        answer.resolve({ fail: { kind: 'failed', message: 'aborted' } } as never);
        return true;
      },
    });
    const { user, onSent } = open({ mode: 'command', recipients: one });
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const opId = bridge.callsTo('sessions:message')[0]!.opId;
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Cancelled: Pulsebar stopped waiting for an answer.');
    expect(bridge.callsTo('ops:cancel')).toEqual([{ opId }]);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('lists each session’s result by the name it had when the dialog opened', async () => {
    installFakeBridge({
      'sessions:messageMany': {
        provider: 'luaauth',
        results: [
          { sessionId: 's1', processed: true },
          { sessionId: 's2', processed: false, reason: 'function doesnt exist' },
        ],
      },
    });
    const { user } = open({ mode: 'command', recipients: { kind: 'ids', sessionIds: ['s1', 's2'] } });
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.type(screen.getByRole('textbox', { name: 'Data (JSON)' }), '{{"t":1}');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('status')).toHaveTextContent('This command will be sent to the 2 selected sessions:');
    const quoted = screen.getByLabelText('Command to send');
    expect(quoted).toHaveTextContent(/^Commandnotify\s*Data\{"t":1\}$/);
    await user.click(screen.getByRole('button', { name: 'Send to 2 sessions' }));
    const results = await screen.findByText('1 of 2 processed.');
    const list = results.parentElement!;
    expect(list).toHaveTextContent('Alice: processed');
    expect(list).toHaveTextContent('Bob: not processed — reason: function doesnt exist');
  });
});

describe('MessageDialog, each field says its own problem', () => {
  it('LuaAuth, two sessions, no command key and bad JSON: both boxes outlined, each with its error', async () => {
    installFakeBridge();
    const { user } = open({ mode: 'command', recipients: { kind: 'ids', sessionIds: ['s1', 's2'] } });
    await user.type(screen.getByRole('textbox', { name: 'Data (JSON)' }), '{{bad json');
    const key = screen.getByRole('textbox', { name: 'Command key' });
    const data = screen.getByRole('textbox', { name: 'Data (JSON)' });
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveAccessibleDescription('A command key is required.');
    expect(data).toHaveAttribute('aria-invalid', 'true');
    expect(data).toHaveAccessibleDescription(/^Data is not valid JSON: /);
    expect(screen.getByText(/^Data is not valid JSON: /)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Review' })).toBeDisabled();
    // Fixing the key leaves only the data's error.
    await user.type(key, 'notify');
    expect(key).toHaveAttribute('aria-invalid', 'false');
    expect(screen.queryByText('A command key is required.')).toBeNull();
  });
});

describe('MessageDialog variables offered', () => {
  it('offers only the variables the provider’s sessions carry', () => {
    installFakeBridge();
    open({ mode: 'command', recipients: one });
    const hint = screen.getByText(/^Variables: /);
    expect(hint).toHaveTextContent('Variables: {userId}, {placeId}, {jobId} (in the data, inside JSON strings), filled for each session.');
    expect(hint).not.toHaveTextContent('{username}');
  });

  it('LuaProt: {username} but no {userId}', () => {
    installFakeBridge();
    open({ mode: 'text', recipients: one });
    expect(screen.getByText(/^Variables: /)).toHaveTextContent('Variables: {username}, {placeId}, {jobId}, filled for each session.');
  });
});

describe('MessageDialog, one session sent', () => {
  it('LuaProt: a single success closes the dialog and says it in a notice', async () => {
    useUi.setState({ notices: [] });
    installFakeBridge({ 'sessions:message': { provider: 'luaprot', message: 'Successfully messaged session' } });
    const { user, onClose } = open({ mode: 'text', recipients: one });
    await user.type(screen.getByRole('textbox', { name: /^Message/ }), 'hello');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    expect(useUi.getState().notices.at(-1)).toMatchObject({ tone: 'info', text: 'Message sent to Builderman. LuaProt: Successfully messaged session' });
  });

  it('a failure, or a script’s answer (LuaAuth), stays in the dialog to be read', async () => {
    installFakeBridge({ 'sessions:message': { provider: 'luaauth', result: { processed: true, response: 'ok' } } });
    const { user, onClose } = open({ mode: 'command', recipients: one });
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('status', { name: 'Answer' })).toHaveTextContent('Processedyes');
    expect(onClose).not.toHaveBeenCalled();
  });
});
