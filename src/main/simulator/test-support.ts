import type { ProviderId } from '../../shared/model';
import type { RunningSimulator } from './types';

/** Helpers for the simulator's own tests: plain fetch, each provider's own auth header. */
export function authHeaders(provider: ProviderId, key: string): Record<string, string> {
  if (provider === 'junkie') return { Authorization: `Bearer ${key}` };
  if (provider === 'luaprot') return { Authorization: key };
  return { token: key };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(
  sim: RunningSimulator,
  provider: ProviderId,
  path: string,
  init: { method?: string; body?: unknown; key?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...authHeaders(provider, init.key ?? sim.keys[provider]), ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(sim.urls[provider] + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}
