import { PROVIDERS, PROVIDER_NAMES } from '../../shared/model';
import type { RunningSimulator, ScriptedEvent } from './types';

/**
 * Scripted demo traffic: every `everyMs` the first target of one provider (in
 * turn) spikes ×2.5, and a minute later falls back (×0.4 ≈ its old level),
 * so alerts have something to fire on. Covers `hours` of run time.
 */
export function demoEvents(everyMs = 180_000, hours = 24): ScriptedEvent[] {
  const events: ScriptedEvent[] = [];
  for (let k = 1, at = everyMs; at < hours * 3_600_000; k++, at += everyMs) {
    const provider = PROVIDERS[k % PROVIDERS.length] ?? 'junkie';
    events.push({ atMs: at, provider, factor: 2.5 }, { atMs: at + 60_000, provider, factor: 0.4 });
  }
  return events;
}

/** What `npm run simulator` prints: where everything is and how to poke it. */
export function describeSimulator(sim: RunningSimulator): string {
  const t = sim.control.targets();
  const { urls, keys } = sim;
  const control = `http://127.0.0.1:${sim.port}/__control`;
  const lines = [
    `Pulsebar provider simulator on port ${sim.port}`,
    '',
    `${PROVIDER_NAMES.junkie}   ${urls.junkie}`,
    `  key (Authorization: Bearer <key>)  ${keys.junkie}`,
    `  script ids  ${t.junkie.scriptIds.join(', ')}`,
    `  curl -H 'Authorization: Bearer ${keys.junkie}' ${urls.junkie}/live-users`,
    `  curl -H 'Authorization: Bearer ${keys.junkie}' '${urls.junkie}/live-users/${t.junkie.scriptIds[0] ?? ''}?page=1&limit=20'`,
    '',
    `${PROVIDER_NAMES.luaprot}  ${urls.luaprot}`,
    `  key (Authorization: <key>)  ${keys.luaprot}`,
    `  hub ids  ${t.luaprot.hubIds.join(', ')}`,
    `  a user key with sessions  ${t.luaprot.keys[0] ?? ''}`,
    `  curl -H 'Authorization: ${keys.luaprot}' '${urls.luaprot}/api/v1/sessions/get?hubId=${t.luaprot.hubIds[0] ?? ''}'`,
    `  curl -H 'Authorization: ${keys.luaprot}' ${urls.luaprot}/api/v1/hubs/get`,
    '',
    `${PROVIDER_NAMES.luaauth}  ${urls.luaauth}`,
    `  key (token: <key>)  ${keys.luaauth}`,
    `  project ids  ${t.luaauth.projectIds.join(', ')}`,
    `  script ids   ${t.luaauth.scriptIds.join(', ')}`,
    `  curl -H 'token: ${keys.luaauth}' ${urls.luaauth}/projects/${t.luaauth.projectIds[0] ?? ''}/executions`,
    `  curl -H 'token: ${keys.luaauth}' -H 'Content-Type: application/json' -d '{"from":0,"limit":10}' ${urls.luaauth}/scripts/${t.luaauth.scriptIds[0] ?? ''}/sessions`,
    '',
    'Faults and population (any terminal):',
    `  curl -d '{"provider":"junkie","fault":{"type":"status","status":502,"count":3}}' ${control}/fault`,
    `  curl -d '{"provider":"all","fault":{"type":"slow","delayMs":5000}}' ${control}/fault`,
    `  curl -d '{}' ${control}/clear`,
    `  curl -d '{"provider":"luaprot","targetId":"${t.luaprot.hubIds[0] ?? ''}","count":500}' ${control}/population`,
    `  curl ${control}/state`,
    '  fault types: status (500|502|503), rate_limit_burst, slow, malformed_json, html_error, drop_connection',
    '',
    'A scripted spike hits one provider every 3 minutes. Ctrl+C stops.',
  ];
  return lines.join('\n');
}
