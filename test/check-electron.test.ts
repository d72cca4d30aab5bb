/**
 * `npm start` / `npm run dev` run scripts/check-electron.mjs first: without an Electron binary it must
 * exit non-zero with one plain paragraph naming the causes and `npm run web`; with one it stays silent.
 * Each case runs the real script in a temp project whose node_modules/electron is laid out as npm
 * leaves it, so the result does not depend on whether this machine has Electron.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve(__dirname, '../scripts/check-electron.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project dir; `electron` describes node_modules/electron as an install would leave it. */
function project(electron: { package: boolean; pathTxt?: string; binary?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'pulsebar-check-electron-'));
  dirs.push(root);
  const dir = join(root, 'node_modules', 'electron');
  if (electron.package) {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"electron"}');
  }
  if (electron.pathTxt !== undefined) writeFileSync(join(dir, 'path.txt'), electron.pathTxt);
  if (electron.binary) writeFileSync(join(dir, 'dist', electron.binary), '');
  return root;
}

function check(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...base } = process.env;
  const run = spawnSync(process.execPath, [script, 'npm start'], { cwd, env: { ...base, ...env }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}

function expectExplained(result: ReturnType<typeof check>, cause: RegExp) {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^npm start: Pulsebar cannot start because the Electron binary is not installed/);
  expect(result.stderr).toMatch(cause);
  for (const reason of ['ELECTRON_SKIP_BINARY_DOWNLOAD', 'allowScripts', 'offline']) expect(result.stderr).toContain(reason);
  expect(result.stderr).toContain('rm -rf node_modules/electron && npm install');
  expect(result.stderr).toContain('npm run web');
  expect(result.stderr).not.toMatch(/\n\s*at /); // no stack trace
}

describe('check-electron (before npm start / npm run dev)', () => {
  it('explains an install with ELECTRON_SKIP_BINARY_DOWNLOAD or a blocked script (no path.txt)', () => {
    expectExplained(check(project({ package: true })), /no path\.txt/);
  });

  it('explains a path.txt naming a binary that is not there', () => {
    expectExplained(check(project({ package: true, pathTxt: 'electron' })), /dist[/\\]electron does not exist/);
  });

  it('explains a project where npm install never ran', () => {
    expectExplained(check(project({ package: false })), /not in node_modules/);
  });

  it('passes silently when the binary is installed', () => {
    const result = check(project({ package: true, pathTxt: 'electron', binary: 'electron' }));
    expect(result).toEqual({ status: 0, stderr: '', stdout: '' });
  });

  it('follows ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const root = project({ package: true, pathTxt: 'electron' });
    const dist = join(root, 'custom-dist');
    mkdirSync(dist);
    expect(check(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }).status).toBe(1);
    writeFileSync(join(dist, 'electron'), '');
    expect(check(root, { ELECTRON_OVERRIDE_DIST_PATH: dist }).status).toBe(0);
  });
});
