import type { TestResult } from '../../shared/ipc-contract';
import type { ProviderId, TargetKind } from '../../shared/model';
import { defaultTargetLabel } from '../names/target-label';
import { TargetNames } from '../names/target-names';

/**
 * Keeps the names a key test or discovery returned, and shows them at once on the cards. A found
 * target the answer did not name (a LuaProt hub counted by id) is named from what was learned before,
 * so "Found 1 target: Phantom Hub V2" rather than its 20-digit id.
 */
export class LearnedNames {
  private readonly book: TargetNames;

  constructor(
    configDir: string,
    /** Called when a new name was learned: the monitor relabels and commits. */
    private readonly onLearned: () => void,
  ) {
    this.book = new TargetNames(configDir);
  }

  load(): Promise<void> {
    return this.book.load();
  }

  flush(): Promise<void> {
    return this.book.flush();
  }

  nameOf(provider: ProviderId, kind: TargetKind, id: string): string | undefined {
    return this.book.nameOf(provider, kind, id);
  }

  learn(provider: ProviderId, result: TestResult): TestResult {
    if (this.book.learn(provider, result.found)) this.onLearned();
    if (!result.found) return result;
    const found = result.found.map((f) => {
      const name = f.name ?? this.book.nameOf(provider, f.kind, f.id);
      return name && (f.label === f.id || f.label === defaultTargetLabel(f.kind, f.id)) ? { ...f, label: name, name } : f;
    });
    return { ...result, found };
  }

  /** A script's info names it: the Scripts view and the cards then say the same (an edited name too). */
  learnScript<T extends { id: string; name: string }>(provider: ProviderId, script: T): T {
    this.learn(provider, { ok: true, found: [{ kind: 'script', id: script.id, label: script.name, name: script.name }] });
    return script;
  }
}
