import { parseArgs } from 'node:util';
import { PROVIDERS, type ProviderId } from '../shared/model';
import { HISTORY_RANGES, isHistoryRange, type HistoryRange } from '../shared/history-ranges';

/** Bad usage or input refused before any request: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Node's parseArgs wording, said for this CLI: an unknown option is named (the next line points to --help), without Node's `--` advice. */
function usageProblem(error: Error & { code?: string }): string {
  const unknown = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '([^']+)'/.exec(error.message) : null;
  if (unknown) return `Unknown option ${unknown[1]}.`;
  return error.message.replace(/^TypeError \[\w+\]: /, '');
}

export const COMMANDS = [
  'live',
  'sessions',
  'info',
  'message',
  'message-all',
  'disconnect',
  'disconnect-all',
  'script',
  'watch',
  'channels',
  'insights',
  'history',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command | 'help';
  provider?: ProviderId;
  account?: string;
  target?: string;
  session?: string;
  sessions?: string[];
  search?: string;
  page?: number;
  limit?: number;
  from?: number;
  text?: string;
  command_key?: string;
  data?: string;
  hub?: string;
  key?: string;
  script?: string;
  enable?: boolean;
  disable?: boolean;
  set: string[];
  interval?: number;
  json: boolean;
  demo: boolean;
  /** `history`: the range to export. */
  range?: HistoryRange;
  csv: boolean;
  /** `channels test`: the subcommand. */
  subcommand?: 'test';
}

const OPTIONS = {
  provider: { type: 'string' },
  account: { type: 'string' },
  target: { type: 'string' },
  session: { type: 'string' },
  sessions: { type: 'string' },
  search: { type: 'string' },
  page: { type: 'string' },
  limit: { type: 'string' },
  from: { type: 'string' },
  text: { type: 'string' },
  command: { type: 'string' },
  data: { type: 'string' },
  hub: { type: 'string' },
  key: { type: 'string' },
  script: { type: 'string' },
  enable: { type: 'boolean' },
  disable: { type: 'boolean' },
  set: { type: 'string', multiple: true },
  interval: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'boolean' },
  range: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function integer(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${raw}").`);
  }
  return value;
}

export function parseCli(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageProblem(error as Error & { code?: string }));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === undefined || command === 'help') {
    return { command: 'help', set: [], json: false, csv: false, demo: false };
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  }
  let subcommand: 'test' | undefined;
  if (command === 'channels') {
    if (extra[0] !== 'test') throw new UsageError('channels needs a subcommand: channels test [--json].');
    subcommand = 'test';
    extra.shift();
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  const provider = values.provider;
  if (provider !== undefined && !(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`--provider must be one of ${PROVIDERS.join(', ')} (got "${provider}").`);
  }
  if (values.enable && values.disable) throw new UsageError('Use either --enable or --disable, not both.');
  const range = values.range;
  if (range !== undefined && !isHistoryRange(range)) throw new UsageError(`--range must be one of ${HISTORY_RANGES.join(', ')} (got "${range}").`);
  const sessions = values.sessions
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (values.sessions !== undefined && sessions?.length === 0) {
    throw new UsageError('--sessions needs at least one session id (comma-separated).');
  }
  return {
    command: command as Command,
    provider: provider as ProviderId | undefined,
    account: values.account,
    target: values.target,
    session: values.session,
    sessions,
    search: values.search,
    page: integer('page', values.page, 1),
    limit: integer('limit', values.limit, 1),
    from: integer('from', values.from, 0),
    text: values.text,
    command_key: values.command,
    data: values.data,
    hub: values.hub,
    key: values.key,
    script: values.script,
    enable: values.enable,
    disable: values.disable,
    set: values.set ?? [],
    interval: integer('interval', values.interval, 1),
    json: values.json ?? false,
    csv: values.csv ?? false,
    ...(range !== undefined ? { range } : {}),
    demo: values.demo ?? false,
    ...(subcommand ? { subcommand } : {}),
  };
}

/** Requires an option and names it when missing. */
export function need<T>(value: T | undefined, flag: string, command: string): T {
  // An empty value is passed on: the client refuses it with the provider's own rule (e.g. 1–100 characters).
  if (value === undefined) throw new UsageError(`${command} needs ${flag}.`);
  return value;
}
