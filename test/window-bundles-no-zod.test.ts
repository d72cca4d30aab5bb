import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The IPC request types are derived from main's zod schemas (src/shared/ipc-contract.ts), by type
 * imports only. This walks what the window and the preload import at run time (type imports are
 * erased) and fails if zod or any main-process module would end up in their bundles.
 */

const ROOT = path.resolve(__dirname, '..');
const RUNTIME_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** Every file and bare package reached from `entry` through imports that stay at run time. */
function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RUNTIME_IMPORT)) {
      const spec = match[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = resolve(file, spec);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

describe.each([
  ['the window', 'src/renderer/src/main.tsx'],
  ['the preload', 'src/preload/index.ts'],
])('%s at run time', (_name, entry) => {
  const graph = runtimeGraph(path.join(ROOT, entry));

  it('imports no zod', () => {
    expect(graph.files.size).toBeGreaterThan(1);
    expect([...graph.packages]).not.toContain('zod');
  });

  it('imports no main-process module', () => {
    const main = [...graph.files].map((f) => path.relative(ROOT, f)).filter((f) => f.startsWith(`src${path.sep}main${path.sep}`));
    expect(main).toEqual([]);
  });
});

it('the walk sees a runtime zod import when there is one (the check can fail)', () => {
  const graph = runtimeGraph(path.join(ROOT, 'src/main/ipc/dispatch.ts'));
  expect(graph.packages).toContain('zod');
});
