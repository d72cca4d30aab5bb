import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { MessageResult } from '../../../shared/model';
import { deferred, installFakeBridge } from '../test-support/fake-bridge';
import { CANCELLED, useMessageSend, type MessageDraft } from './use-message-send';

const templatesView = { templates: [], recent: { junkie: [], luaprot: [], luaauth: [] } };
const asWritten = (text: string): MessageDraft => ({ mode: 'text', text, command: '', data: '', plan: { kind: 'as-written', variables: [] } });

describe('useMessageSend', () => {
  it('goes compose → review → sending → done, with the outcome, and records the message as written', async () => {
    const results: MessageResult[] = [{ processed: true, sessionId: 's1' }];
    const bridge = installFakeBridge({ 'sessions:messageMany': { provider: 'luaauth', results }, 'templates:recordSent': templatesView });
    const onSent = vi.fn();
    const { result } = renderHook(() => useMessageSend({ accountId: 'a', recipients: { kind: 'ids', sessionIds: ['s1'] }, onSent }));
    expect(result.current.phase).toBe('compose');
    act(() => result.current.review());
    expect(result.current.phase).toBe('confirm');
    act(() => result.current.back());
    expect(result.current.phase).toBe('compose');
    await act(() => result.current.send(asWritten('hello')));
    expect(result.current.phase).toBe('done');
    expect(result.current.outcome).toEqual({ results });
    expect(onSent).toHaveBeenCalledOnce();
    expect(bridge.callsTo('sessions:messageMany')[0]).toMatchObject({ accountId: 'a', sessionIds: ['s1'], text: 'hello' });
    expect(bridge.callsTo('templates:recordSent')).toEqual([{ provider: 'luaprot', text: 'hello' }]);
  });

  it('Cancel while waiting cancels every request still out and says so', async () => {
    const answer = deferred<{ provider: 'luaauth' }>();
    const bridge = installFakeBridge({ 'sessions:message': () => answer.promise, 'ops:cancel': true });
    const onSent = vi.fn();
    const { result } = renderHook(() => useMessageSend({ accountId: 'a', recipients: { kind: 'one', sessionId: 's1', name: 'Bob' }, onSent }));
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send({ mode: 'command', text: '', command: ' notify ', data: '', plan: { kind: 'as-written', variables: [] } });
    });
    await waitFor(() => expect(result.current.phase).toBe('sending'));
    const opId = bridge.callsTo('sessions:message')[0]!.opId;
    expect(bridge.callsTo('sessions:message')[0]).toEqual({ accountId: 'a', sessionId: 's1', command: 'notify', opId });
    await act(() => result.current.cancel());
    expect(bridge.callsTo('ops:cancel')).toEqual([{ opId }]);
    answer.resolve({ provider: 'luaauth' });
    await act(() => sent);
    // An answer that still arrives after Cancel ends the send all the same.
    expect(result.current.phase).toBe('done');
  });

  it('a cancelled per-session send ends with the cancel notice', async () => {
    const first = deferred<{ provider: 'luaauth' }>();
    const bridge = installFakeBridge({ 'sessions:message': () => first.promise, 'ops:cancel': true });
    const { result } = renderHook(() => useMessageSend({ accountId: 'a', recipients: { kind: 'ids', sessionIds: ['s1'] }, onSent: () => {} }));
    let sent!: Promise<void>;
    act(() => {
      sent = result.current.send({
        mode: 'text',
        text: 'hi {username}',
        command: '',
        data: '',
        plan: { kind: 'per-session', variables: ['username'], sends: [{ sessionId: 's1', name: 'Bob', text: 'hi Bob' }] },
      });
    });
    await waitFor(() => expect(bridge.callsTo('sessions:message')).toHaveLength(1));
    await act(() => result.current.cancel());
    first.resolve({ provider: 'luaauth' });
    await act(() => sent);
    expect(result.current.outcome).toEqual({ error: CANCELLED });
    expect(bridge.callsTo('ops:cancel')).toHaveLength(2);
  });
});
