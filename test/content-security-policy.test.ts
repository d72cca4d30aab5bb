import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/shared/content-security-policy';

it('the meta tag of the packaged page carries exactly the shared policy', () => {
  const html = readFileSync('src/renderer/index.html', 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
  expect(meta).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
});
