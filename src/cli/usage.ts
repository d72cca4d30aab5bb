/** The command-line reference printed by `--help` and on bad usage. Keep in step with the README. */
export const USAGE = `Usage: pulsebar <command> [options]      (npm run cli -- <command> ...)

Commands (P is junkie, luaprot or luaauth):
  live [--provider P] [--account LABEL] [--json]  live counts of every account and target (or those named)
  sessions --provider P --target ID [--search S] [--page N] [--limit N] [--from N] [--key K] [--json]
                                                  (LuaProt: --key K alone lists one user key's sessions)
  info --provider P --session ID [--json]
  message --provider luaprot --session ID --text TEXT
  message --provider luaauth --session ID --command KEY [--data JSON] [--json]
  message-all --provider luaprot (--hub ID | --key KEY) --text TEXT
  message-all --provider luaauth --sessions ID,ID,... --command KEY [--data JSON] [--json]
  disconnect --provider P --session ID
  disconnect-all --provider luaprot (--hub ID | --key KEY)
  disconnect-all --provider luaauth --sessions ID,ID,...
  script --provider luaauth --script ID [--enable | --disable] [--set FIELD=VALUE ...] [--json]
  watch [--interval SECONDS] [--provider P] [--account LABEL]   counts and alerts as they happen, also sent to
                                                  the alert channels; Ctrl-C stops
  channels test [--json]                          one test alert to each alert channel; exit 1 if any failed
  insights [--target ID | --account LABEL] [--json]   peaks, averages, same-hour comparisons and the
                                                  weekly heatmap of the kept history (All accounts by default)
  history --range 1h|24h|7d|30d|90d [--target ID | --account LABEL] [--csv | --json]
                                                  every kept sample or bucket (CSV by default)

Options:
  --account LABEL   pick one account when a provider has several (live/watch: only that account)
  --demo            run against the built-in simulator (no keys needed)
  --json            machine-readable output
  -h, --help        this text

Accounts come from the app's settings and OS keychain, or from the environment:
  PULSEBAR_JUNKIE_KEY, PULSEBAR_LUAPROT_KEY, PULSEBAR_LUAAUTH_KEY
  PULSEBAR_<PROVIDER>_URL                          override a base URL
  PULSEBAR_LUAPROT_HUBS, PULSEBAR_LUAAUTH_SCRIPTS, PULSEBAR_LUAAUTH_PROJECTS   comma-separated targets
Alert channels come from the app (URLs in the keychain), or, replacing them, from:
  PULSEBAR_DISCORD_WEBHOOK, PULSEBAR_WEBHOOK_URL, PULSEBAR_NTFY_URL

Exit status: 0 success, 1 provider error, 2 bad usage or input refused before any request.`;
