import type { TestResult } from '../../../shared/ipc-contract';
import type { ProbeModule } from '../module';
import { providerNamed, targetLabelOf } from '../module';
import { asLuaAuth } from './client-of';

/** LuaAuth has no route that checks a key alone: a key is proved by the first project's or script's info. */
export const luaauthProbe: ProbeModule = {
  async test(account, anyClient) {
    const client = asLuaAuth(anyClient);
    const first = account.targets.find((t) => t.kind === 'project' || t.kind === 'script');
    if (!first) {
      return {
        ok: true,
        found: [],
        explanation: {
          title: 'LuaAuth has no route that checks a key on its own.',
          advice: 'Add a project id or script id as a target; the key is checked on the first poll.',
        },
      };
    }
    if (first.kind === 'project') {
      const project = await client.project(first.id);
      return { ok: true, found: [{ kind: 'project', id: project.id, label: first.label || project.name, ...providerNamed(project.name) }] };
    }
    const script = await client.script(first.id);
    return { ok: true, found: [{ kind: 'script', id: script.id, label: first.label || script.name, count: script.totalSessions ?? undefined, ...providerNamed(script.name) }] };
  },
  /** Every script of the watched projects (named by their executions), then the watched scripts. */
  async discover({ account, client: anyClient, budget }) {
    const client = asLuaAuth(anyClient);
    const found: NonNullable<TestResult['found']> = [];
    const seen = new Set<string>();
    for (const t of account.targets) {
      if (t.kind !== 'project') continue;
      await budget();
      const executions = await client.projectExecutions(t.id);
      for (const s of executions.scripts) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        found.push({ kind: 'script', id: s.id, label: targetLabelOf(account, s.id, s.name), ...providerNamed(s.name) });
      }
    }
    for (const t of account.targets) {
      if (t.kind === 'script' && !seen.has(t.id)) {
        seen.add(t.id);
        found.push({ kind: 'script', id: t.id, label: targetLabelOf(account, t.id) });
      }
    }
    return { ok: true, found };
  },
};
