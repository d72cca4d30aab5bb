import { beforeEach } from 'vitest';

/**
 * Tests left out of the mutation run only (`npm run mutate`); `npm test` runs them as always.
 * Each one measures size or endurance over a large workload rather than a rule, and under Stryker's
 * instrumentation (every expression counted, per test) it takes minutes instead of seconds, for every
 * mutant it covers. The rules they pass through are covered by faster tests in the same files.
 */
const SLOW_UNDER_MUTATION: readonly string[] = [
  // history.test.ts: fills 7 days × 150 series (~3 million appends) to measure bytes held.
  '7 days of 30 s samples for 150 series stays small',
  // alert-rules.test.ts: 12 series × 36 h of polls (~50,000 evaluations) to show no false alarm.
  'stay quiet on hours of ±10 % noise around a steady level (seeded)',
  // rate-budget.test.ts: an hour of random attempts per provider, checked after each.
  'property: an hour of random attempts never exceeds any window',
  'property: with uneven delays the provider never counts more than its limit',
  // poller.test.ts: 50 scripts × 5,000 sessions, and 15 hubs at a 5 s interval for minutes.
  'counts 50 scripts × 5,000 sessions exactly',
  'keeps LuaProt background polling within half of both documented limits',
  // settings-store.test.ts: child processes killed while saving (atomic writes, not migration or salvage).
  'stays loadable when a process saving in a loop is killed at arbitrary moments',
  'keeps the previous file when the process dies halfway through writing the bytes',
];

beforeEach((context) => {
  if (SLOW_UNDER_MUTATION.some((name) => context.task.name.startsWith(name))) context.skip();
});
