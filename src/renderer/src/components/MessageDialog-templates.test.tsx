import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageTemplatesView } from '../../../shared/message-templates';
import type { Session } from '../../../shared/model';
import { useTemplates } from '../stores/templates-store';
import { installFakeBridge } from '../test-support/fake-bridge';
import { sampleSession } from '../test-support/sample-data';
import { MessageDialog, type MessageRecipients } from './MessageDialog';

const initial = useTemplates.getState();
beforeEach(() => useTemplates.setState(initial, true));

const empty: MessageTemplatesView = { templates: [], recent: { luaprot: [], luaauth: [] } };
const alice = sampleSession({ provider: 'luaprot', id: 'p1', username: 'alice' });
const la1 = sampleSession({ provider: 'luaauth', id: 'a1', username: undefined, robloxUserId: '1001' });
const la2 = sampleSession({ provider: 'luaauth', id: 'a2', username: undefined, robloxUserId: '1002' });

function open(mode: 'text' | 'command', recipients: MessageRecipients, sessions: Session[]) {
  render(
    <MessageDialog
      accountId="acc"
      provider={mode === 'text' ? 'luaprot' : 'luaauth'}
      mode={mode}
      recipients={recipients}
      onClose={vi.fn()}
      onSent={vi.fn()}
      sessionOf={(id) => sessions.find((s) => s.id === id)}
    />,
  );
  return userEvent.setup();
}

describe('MessageDialog templates and variables', () => {
  it('picks a saved template, previews it filled for the session, sends it filled and records it as written', async () => {
    const view: MessageTemplatesView = { templates: [{ id: 't1', provider: 'luaprot', name: 'Greeting', text: 'Hi {username}!' }], recent: { luaprot: [], luaauth: [] } };
    useTemplates.setState({ view });
    const bridge = installFakeBridge({ 'sessions:message': { provider: 'luaprot', message: 'Sent.' }, 'templates:recordSent': view });
    const user = open('text', { kind: 'one', sessionId: 'p1', name: 'alice' }, [alice]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Template or recent message' }), 'Greeting');
    expect(screen.getByRole('textbox', { name: /^Message/ })).toHaveValue('Hi {username}!');
    expect(screen.getByLabelText('Preview')).toHaveTextContent('Preview for alice: Hi alice!');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('LuaProt: Sent.')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:message')).toEqual([expect.objectContaining({ sessionId: 'p1', text: 'Hi alice!' })]);
    expect(bridge.callsTo('templates:recordSent')).toEqual([{ provider: 'luaprot', text: 'Hi {username}!' }]);
  });

  it('saves the current text as a template', async () => {
    useTemplates.setState({ view: empty });
    const bridge = installFakeBridge({ 'templates:save': (q) => ({ ...empty, templates: [q.template] }) });
    const user = open('command', { kind: 'one', sessionId: 'a1', name: 'Roblox 1001' }, [la1]);
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.type(screen.getByRole('textbox', { name: 'Template name' }), 'Ping');
    await user.click(screen.getByRole('button', { name: 'Save as template' }));
    expect(bridge.callsTo('templates:save')).toEqual([{ template: expect.objectContaining({ provider: 'luaauth', name: 'Ping', command: 'notify' }) }]);
    expect(await screen.findByRole('option', { name: 'Ping' })).toBeInTheDocument();
  });

  it('names a missing variable and keeps Send off until it is fixed', async () => {
    installFakeBridge({});
    const user = open('command', { kind: 'ids', sessionIds: ['a1', 'a2'] }, [la1, la2]);
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.click(screen.getByRole('textbox', { name: 'Data (JSON)' }));
    await user.paste('{"t":"hi {username}"}');
    expect(screen.getByRole('alert')).toHaveTextContent('{username} is unknown for 2 of 2 sessions (Roblox 1001, Roblox 1002)');
    expect(screen.getByRole('button', { name: 'Review' })).toBeDisabled();
  });

  it('LuaAuth bulk with {userId}: one command per session, each filled, instead of one message-many', async () => {
    const bridge = installFakeBridge({
      'sessions:message': (q) => ({ provider: 'luaauth', result: { processed: true, response: q.data } }),
      'templates:recordSent': empty,
    });
    const user = open('command', { kind: 'ids', sessionIds: ['a1', 'a2'] }, [la1, la2]);
    await user.type(screen.getByRole('textbox', { name: 'Command key' }), 'notify');
    await user.click(screen.getByRole('textbox', { name: 'Data (JSON)' }));
    await user.paste('{"id":"{userId}"}');
    expect(screen.getByLabelText('Preview')).toHaveTextContent('{userId} is filled per session, so this sends 2 commands, one per session.');
    await user.click(screen.getByRole('button', { name: 'Review' }));
    await user.click(screen.getByRole('button', { name: 'Send to 2 sessions' }));
    expect(await screen.findByText('2 of 2 processed.')).toBeInTheDocument();
    expect(bridge.callsTo('sessions:messageMany')).toEqual([]);
    expect(bridge.callsTo('sessions:message').map((q) => [q.sessionId, q.data]).sort()).toEqual([
      ['a1', '{"id":"1001"}'],
      ['a2', '{"id":"1002"}'],
    ]);
  });
});
