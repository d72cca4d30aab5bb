import type { ChannelKind, ChannelStatus, DeliveryResult } from '../../../shared/alert-channels';
import { channelRequest, type ChannelMessage } from './channel-payloads';
import { attempt } from './channel-sender';

/**
 * Delivers alerts to channels in the background: one queue per channel (messages arrive in
 * order), retries with exponential back-off, a receiver's Retry-After honoured, and a status per
 * channel the window shows in words. `enqueue` never waits, so a slow or dead receiver can never
 * hold up the desktop notification or the poll loop.
 */

export interface ChannelEndpoint {
  id: string;
  label: string;
  kind: ChannelKind;
  /** The secret URL, from the keychain; never stored in a status or an error. */
  url: string;
}

export type { ChannelStatus, DeliveryResult };

export interface ChannelDeliveryOptions {
  now?: () => number;
  /** Waits between attempts; tests pass one that records and returns at once. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** A Retry-After longer than this is not waited out: the message fails with the reason. */
  maxWaitMs?: number;
  /** Oldest messages are dropped past this many waiting in one channel (a receiver down for hours). */
  maxQueued?: number;
  onStatus?: (channelId: string, status: ChannelStatus) => void;
}

export const CHANNEL_TIMEOUT_MS = 10_000;
export const CHANNEL_MAX_ATTEMPTS = 4;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    // An unref'd timer: a pending retry never keeps the CLI or the app from exiting.
    timer.unref?.();
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export interface ChannelDelivery {
  /** Queues a message for one channel and returns at once. */
  enqueue(channel: ChannelEndpoint, message: ChannelMessage): void;
  /** Sends now (after what is queued) and resolves with the outcome: "Send test", `channels test`. */
  send(channel: ChannelEndpoint, message: ChannelMessage): Promise<DeliveryResult>;
  status(channelId: string): ChannelStatus;
  /** Forgets a removed channel's status; its queued messages are dropped. */
  forget(channelId: string): void;
  /** Resolves when every queue is empty (tests, and a clean exit of the CLI's watch). */
  idle(): Promise<void>;
  /** Cancels waits and in-flight requests; later calls fail at once. */
  close(): void;
}

interface Lane {
  tail: Promise<unknown>;
  queued: number;
  generation: number;
  status: ChannelStatus;
}

export function createChannelDelivery(options: ChannelDeliveryOptions = {}): ChannelDelivery {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const timeoutMs = options.timeoutMs ?? CHANNEL_TIMEOUT_MS;
  const maxAttempts = options.maxAttempts ?? CHANNEL_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? 2_000;
  const maxWaitMs = options.maxWaitMs ?? 5 * 60_000;
  const maxQueued = options.maxQueued ?? 20;
  const closing = new AbortController();
  const lanes = new Map<string, Lane>();

  const lane = (id: string): Lane => {
    let l = lanes.get(id);
    if (!l) {
      l = { tail: Promise.resolve(), queued: 0, generation: 0, status: { state: 'idle', lastDeliveredAt: null, lastFailedAt: null, lastError: null, queued: 0 } };
      lanes.set(id, l);
    }
    return l;
  };

  const publish = (id: string, l: Lane, patch: Partial<ChannelStatus>): void => {
    l.status = { ...l.status, ...patch, queued: l.queued };
    if (lanes.get(id) !== l) return;
    try {
      options.onStatus?.(id, l.status);
    } catch {
      // a listener's failure is not a delivery failure
    }
  };

  async function deliver(channel: ChannelEndpoint, message: ChannelMessage, l: Lane): Promise<DeliveryResult> {
    let last: DeliveryResult = { ok: false, attempts: 0, error: `${channel.label}: not sent` };
    for (let n = 1; n <= maxAttempts; n++) {
      if (closing.signal.aborted) return { ...last, error: `${channel.label}: not sent, Pulsebar is closing` };
      const outcome = await attempt(channel.kind, channel.label, channel.url, channelRequest(channel.kind, message, now()), {
        timeoutMs,
        now,
        signal: closing.signal,
      });
      if (outcome.ok) {
        publish(channel.id, l, { state: 'ok', lastDeliveredAt: now(), lastError: null });
        return { ok: true, attempts: n, status: outcome.status };
      }
      last = { ok: false, attempts: n, error: outcome.error, ...(outcome.status !== undefined ? { status: outcome.status } : {}) };
      if (!outcome.retry || n === maxAttempts) break;
      const backoff = baseDelayMs * 2 ** (n - 1);
      const wait = outcome.retryAfterMs !== undefined ? Math.max(outcome.retryAfterMs, 250) : backoff;
      if (wait > maxWaitMs) {
        last.error = `${outcome.error}; the receiver asked to wait ${Math.ceil(wait / 1000)} s, longer than Pulsebar waits`;
        break;
      }
      publish(channel.id, l, { state: 'retrying', lastError: outcome.error, lastFailedAt: now() });
      await sleep(wait, closing.signal);
    }
    publish(channel.id, l, { state: 'failing', lastError: last.error ?? null, lastFailedAt: now() });
    return last;
  }

  function schedule(channel: ChannelEndpoint, message: ChannelMessage): Promise<DeliveryResult> {
    const l = lane(channel.id);
    const generation = l.generation;
    l.queued += 1;
    publish(channel.id, l, {});
    const run = l.tail.then(async (): Promise<DeliveryResult> => {
      l.queued -= 1;
      if (l.generation !== generation) return { ok: false, attempts: 0, error: `${channel.label}: dropped` };
      return deliver(channel, message, l);
    });
    l.tail = run.catch(() => undefined);
    return run;
  }

  return {
    enqueue(channel, message) {
      if (closing.signal.aborted || message.events.length === 0) return;
      const l = lane(channel.id);
      if (l.queued >= maxQueued) {
        // Too far behind: drop what waits and keep the newest, which says more about now.
        l.generation += 1;
        l.queued = 0;
        publish(channel.id, l, { state: 'failing', lastError: `${channel.label}: ${maxQueued} alerts waited too long and were dropped`, lastFailedAt: now() });
      }
      void schedule(channel, message);
    },
    send(channel, message) {
      if (closing.signal.aborted) return Promise.resolve({ ok: false, attempts: 0, error: `${channel.label}: not sent, Pulsebar is closing` });
      return schedule(channel, message);
    },
    status(id) {
      return lanes.get(id)?.status ?? { state: 'idle', lastDeliveredAt: null, lastFailedAt: null, lastError: null, queued: 0 };
    },
    forget(id) {
      const l = lanes.get(id);
      if (l) l.generation += 1;
      lanes.delete(id);
    },
    async idle() {
      for (;;) {
        const tails = [...lanes.values()].map((l) => l.tail);
        await Promise.all(tails);
        if ([...lanes.values()].every((l, i) => l.tail === tails[i] && l.queued === 0)) return;
      }
    },
    close() {
      closing.abort();
    },
  };
}
