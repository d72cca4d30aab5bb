import { useEffect, useRef, useState } from 'react';
import type { RecentMessage } from '../../../shared/message-templates';
import type { MessageResult } from '../../../shared/model';
import { call, describeFailure, newOpId } from '../api';
import type { MessageRecipients } from '../components/MessageDialog';
import type { Send, SendPlan } from '../message-plan';
import { useTemplates } from '../stores/templates-store';

/**
 * The message dialog's four phases: compose → (review, for many) → sending → done. Owns the send
 * itself (one call, one many-call, or one call per session with variables filled), the seconds
 * waited, the outcome, and cancelling every request still waiting (ops:cancel).
 */
export type MessagePhase = 'compose' | 'confirm' | 'sending' | 'done';

export interface MessageOutcome {
  message?: string;
  results?: MessageResult[];
  error?: string;
}

/** What the form holds when Send is pressed. */
export interface MessageDraft {
  mode: 'text' | 'command';
  text: string;
  command: string;
  data: string;
  plan: SendPlan;
}

/** Per-session sends (variables filled) run a few at a time; each still waits its turn in main's budget. */
const PER_SESSION_CONCURRENCY = 4;

export const CANCELLED = 'Cancelled: Pulsebar stopped waiting for an answer.';

/** The content of one send: LuaProt's text, or LuaAuth's command with its data (none when blank). */
function contentOf(mode: MessageDraft['mode'], command: string, text: string | undefined, data: string | undefined) {
  return mode === 'text' ? { text: text ?? '' } : { command: command.trim(), ...(data?.trim() ? { data } : {}) };
}

export function useMessageSend({ accountId, recipients, onSent }: { accountId: string; recipients: MessageRecipients; onSent: () => void }) {
  const recordSent = useTemplates((s) => s.recordSent);
  const [phase, setPhase] = useState<MessagePhase>('compose');
  const [elapsed, setElapsed] = useState(0);
  const [outcome, setOutcome] = useState<MessageOutcome | null>(null);
  const opId = useRef<string | null>(null);
  /** Op ids of per-session sends still waiting, so Cancel stops every one of them. */
  const inflight = useRef(new Set<string>());

  useEffect(() => {
    if (phase !== 'sending') return;
    const started = Date.now();
    setElapsed(0);
    const t = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(t);
  }, [phase]);

  /** Variables filled: one message per session (LuaAuth's message-many would send one text to all). */
  const sendPerSession = async (draft: MessageDraft, sends: Send[], id: string): Promise<MessageResult[]> => {
    const results: MessageResult[] = new Array<MessageResult>(sends.length);
    let next = 0;
    const worker = async () => {
      while (next < sends.length && opId.current === id) {
        const i = next++;
        const s = sends[i]!;
        const op = `${id}-${i}`;
        inflight.current.add(op);
        try {
          const r = await call('sessions:message', { accountId, sessionId: s.sessionId, ...contentOf(draft.mode, draft.command, s.text, s.data), opId: op });
          results[i] = r.result ? { ...r.result, sessionId: s.sessionId } : { processed: true, sessionId: s.sessionId, ...(r.message ? { response: r.message } : {}) };
        } catch (err) {
          results[i] = { processed: false, sessionId: s.sessionId, reason: describeFailure(err) };
        } finally {
          inflight.current.delete(op);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PER_SESSION_CONCURRENCY, sends.length) }, worker));
    if (opId.current !== id) throw new Error('cancelled');
    return results.filter(Boolean);
  };

  const send = async (draft: MessageDraft) => {
    const id = newOpId();
    opId.current = id;
    setPhase('sending');
    setOutcome(null);
    const { mode, plan } = draft;
    const content = contentOf(mode, draft.command, draft.text, draft.data);
    try {
      if (plan.kind === 'per-session' && recipients.kind === 'one') {
        const s = plan.sends[0]!;
        const r = await call('sessions:message', { accountId, sessionId: recipients.sessionId, ...contentOf(mode, draft.command, s.text, s.data), opId: id });
        setOutcome({ ...(r.message ? { message: r.message } : {}), ...(r.result ? { results: [r.result] } : {}) });
      } else if (plan.kind === 'per-session') {
        setOutcome({ results: await sendPerSession(draft, plan.sends, id) });
      } else if (recipients.kind === 'one') {
        const r = await call('sessions:message', { accountId, sessionId: recipients.sessionId, ...content, opId: id });
        setOutcome({ ...(r.message ? { message: r.message } : {}), ...(r.result ? { results: [r.result] } : {}) });
      } else {
        const r = await call('sessions:messageMany', {
          accountId,
          ...(recipients.kind === 'ids' ? { sessionIds: recipients.sessionIds } : { scope: recipients.scope }),
          ...content,
          opId: id,
        });
        setOutcome({ ...(r.message ? { message: r.message } : {}), ...(r.results ? { results: r.results } : {}) });
      }
      onSent();
      // Recorded as written (variables unfilled): one recent entry per send, not one per session.
      const asWritten: RecentMessage =
        mode === 'text'
          ? { provider: 'luaprot', text: draft.text }
          : { provider: 'luaauth', command: draft.command.trim(), ...(draft.data.trim() ? { data: draft.data } : {}) };
      void recordSent(asWritten);
    } catch (err) {
      setOutcome({ error: opId.current === null ? CANCELLED : describeFailure(err) });
    } finally {
      opId.current = null;
      setPhase('done');
    }
  };

  const cancel = async () => {
    const id = opId.current;
    if (!id) return;
    opId.current = null;
    const ops = [id, ...inflight.current];
    await Promise.all(ops.map((op) => call('ops:cancel', { opId: op }).catch(() => false)));
  };

  return {
    phase,
    elapsed,
    outcome,
    send,
    cancel,
    /** Many recipients: show the review (exact payload and scope) before sending. */
    review: () => setPhase('confirm'),
    back: () => setPhase('compose'),
  };
}
