/**
 * Who is playing where: reads every live session of one target (each page a separate user
 * request through the account's budget, stopping at SESSION_GROUPS_MAX) and groups them by game,
 * server and, where the provider's list gives it, the user's key.
 */
import type { SessionGroupsView } from '../../shared/ipc-contract';
import type { Session, TargetConfig } from '../../shared/model';
import { groupByGame, groupByKey, groupByServer, SESSION_GROUPS_MAX, sharedKeys } from '../../shared/session-groups';
import type { BudgetedCall, ProviderModule, SessionSink } from '../providers/module';

export type { BudgetedCall } from '../providers/module';

interface Read {
  sessions: Session[];
  total?: number;
  capped: boolean;
}

/** Keeps the first sighting of each id: offset pages can shift while sessions come and go. */
function collect(into: Map<string, Session>, sessions: readonly Session[], anonymous: Session[]): void {
  for (const s of sessions) {
    if (into.size + anonymous.length >= SESSION_GROUPS_MAX) return;
    if (s.id === '') anonymous.push(s);
    else if (!into.has(s.id)) into.set(s.id, s);
  }
}

async function readAll(call: BudgetedCall, module: ProviderModule, target: TargetConfig | undefined, targetId: string): Promise<Read> {
  const seen = new Map<string, Session>();
  const anonymous: Session[] = [];
  const count = () => seen.size + anonymous.length;
  const sink: SessionSink = {
    add: (sessions) => collect(seen, sessions, anonymous),
    count,
    full: () => count() >= SESSION_GROUPS_MAX,
  };
  const { total, capped } = await module.actions.readAll(call, target, targetId, sink);
  return { sessions: [...seen.values(), ...anonymous], ...(total !== undefined ? { total } : {}), capped };
}

function notesFor(module: ProviderModule, sessions: readonly Session[]): string[] {
  const name = module.descriptor.label;
  const notes: string[] = [];
  const noGame = sessions.filter((s) => !s.placeId && !s.universeId).length;
  const noJob = sessions.filter((s) => !s.jobId).length;
  if (noGame > 0) notes.push(`${name} did not say which game ${noGame} of ${sessions.length} sessions are in.`);
  if (noJob > 0) notes.push(`${name} did not say which server ${noJob} of ${sessions.length} sessions are on.`);
  notes.push(...module.actions.groupNotes(sessions));
  return notes;
}

export async function readSessionGroups(call: BudgetedCall, module: ProviderModule, target: TargetConfig | undefined, targetId: string): Promise<SessionGroupsView> {
  const read = await readAll(call, module, target, targetId);
  const keysKnown = module.descriptor.sessionKeys;
  const view: SessionGroupsView = {
    provider: module.descriptor.id,
    sessions: read.sessions,
    capped: read.capped,
    games: groupByGame(read.sessions),
    servers: groupByServer(read.sessions),
    keys: keysKnown ? groupByKey(read.sessions) : null,
    sharedKeys: keysKnown ? sharedKeys(read.sessions) : [],
    notes: notesFor(module, read.sessions),
  };
  if (read.total !== undefined) view.total = read.total;
  else if (!read.capped) view.total = read.sessions.length;
  return view;
}
