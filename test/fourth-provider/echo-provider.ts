/**
 * A test-only fourth provider, "Echo": rooms of sessions held in memory (an in-process fake
 * transport, keyed by the account's base URL). It is registered only through a registry a test
 * builds, to prove that a provider needs its module and nothing else: it is never shipped.
 */
import type { ProviderId, Session } from '../../src/shared/model';
import type { ProviderDescriptor } from '../../src/shared/provider-descriptor';
import type { CountPlan } from '../../src/main/providers/count-plan';
import type { AnyClient, ProviderModule } from '../../src/main/providers/module';
import { targetLabelOf } from '../../src/main/providers/module';
import type { CallOptions, ClientOptions } from '../../src/main/providers/types';

/** ProviderId names the shipped three; a registered provider's id is any string at run time. */
export const ECHO_ID = 'echo' as ProviderId;

/** The fake servers: base URL → room id → the sessions live in it. */
export const echoServers = new Map<string, Map<string, Session[]>>();

export interface EchoClient extends AnyClient {
  /** Every call counted, to see that polling and listing really went through this client. */
  readonly calls: string[];
  sessions(room: string, opts?: CallOptions): Promise<Session[]>;
}

export function setRoom(baseUrl: string, room: string, count: number): void {
  const rooms = echoServers.get(baseUrl) ?? new Map<string, Session[]>();
  echoServers.set(baseUrl, rooms);
  rooms.set(
    room,
    Array.from({ length: count }, (_, i) => ({ provider: ECHO_ID, id: `${room}-${i}`, username: `player${i}`, jobId: `job-${i % 2}`, placeId: '42', extra: {} })),
  );
}

function createEchoClient(options: ClientOptions): EchoClient {
  const calls: string[] = [];
  return {
    provider: ECHO_ID,
    calls,
    async sessions(room, opts) {
      opts?.signal?.throwIfAborted();
      calls.push(`sessions ${room}`);
      return [...(echoServers.get(options.baseUrl)?.get(room) ?? [])];
    },
  };
}

const asEcho = (client: AnyClient): EchoClient => client as EchoClient;

export const ECHO_DESCRIPTOR: ProviderDescriptor = {
  id: ECHO_ID,
  label: 'Echo',
  defaultBaseUrl: 'echo://default',
  capabilities: { message: false, disconnect: false, bulk: false, scripts: false, search: 'local', paging: 'none', reason: 'Echo only lists.' },
  targetKinds: [{ kind: 'script', noun: 'Room', label: 'Room ids', hint: 'Comma separated' }],
  autoTargets: false,
  missingActionWhy: ': it only echoes who is there.',
  gameIdKind: 'place',
  sessionKeys: false,
  forbidden: null,
  quotesReplies: false,
  disconnectLingerMs: null,
  messageVariables: [],
};

const echoCountPlan: CountPlan<null> = {
  requestsPerCycle: (account) => Math.max(1, account.targets.length),
  newState: () => null,
  startCycle({ client, cycle }) {
    return cycle.targets.map((target, index) => {
      target.pending += 1;
      return {
        targetIndex: index,
        run: async (signal) => {
          target.count = (await asEcho(client).sessions(target.id, cycle.readOptions(signal))).length;
        },
      };
    });
  },
};

export const echoModule: ProviderModule<null> = {
  descriptor: ECHO_DESCRIPTOR,
  rateWindows: [{ max: 100, windowMs: 1_000 }],
  // Its one assumption: the limits above (a fourth provider lists what its docs leave out, like the three).
  assumptions: {
    defaults: { baseUrl: ECHO_DESCRIPTOR.defaultBaseUrl, rateLimits: [{ max: 100, windowSeconds: 1 }] },
    assumptions: [
      { id: 'echo.rate-limits', topic: 'Rate limits', basis: 'assumed', value: '100 per 1 s', note: 'Test provider.', setting: 'rateLimits' },
    ],
  },
  createClient: createEchoClient,
  countPlan: echoCountPlan,
  probe: {
    async test(account, client) {
      const first = account.targets[0];
      if (!first) return { ok: true, found: [] };
      const n = (await asEcho(client).sessions(first.id)).length;
      return { ok: true, found: [{ kind: first.kind, id: first.id, label: targetLabelOf(account, first.id), count: n }] };
    },
    async discover({ account }) {
      return { ok: true, found: account.targets.map((t) => ({ kind: t.kind, id: t.id, label: targetLabelOf(account, t.id) })) };
    },
  },
  actions: {
    async list(client, q, _target, opts) {
      const sessions = await asEcho(client).sessions(q.targetId, opts);
      return { sessions, total: sessions.length };
    },
    async readAll(call, _target, targetId, sink) {
      const all = await call((client, signal) => asEcho(client).sessions(targetId, signal ? { signal } : {}));
      sink.add(all);
      return { total: all.length, capped: all.length > sink.count() };
    },
    groupNotes: () => [],
  },
};
