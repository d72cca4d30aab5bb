/**
 * Length limits of the text the window (or the browser bridge, or the CLI) may send to main.
 * Every IPC string is checked against one of these before any other rule — and above all before
 * any pattern — runs, so no input can make main spend more than linear time on it. One source
 * for each limit: the IPC schemas read them from here (in src/shared, so the window can too).
 */

/** Ids, labels, names, commands, session search and filter values. */
export const ID_MAX = 200;
/** Targets one account watches (each costs requests every poll; far more is almost surely a paste gone wrong). */
export const TARGETS_MAX = 500;
/** LuaProt messages are 1–100 characters (seed document); the rule itself is in luaprot-message.ts. */
export { LUAPROT_MESSAGE_MAX as LUAPROT_TEXT_MAX } from './luaprot-message';
/** LuaAuth message data (JSON text); far more than any handler in a running script takes. */
export const JSON_DATA_MAX = 64_000;
/** A provider base URL. */
export const BASE_URL_MAX = 2000;
/** Electron accelerators ("CommandOrControl+Shift+P"). */
export const ACCELERATOR_MAX = 100;
/** An alert channel URL (Discord's are ~120 characters). */
export const CHANNEL_URL_MAX = 2_048;
/** "HH:MM". */
export const CLOCK_TIME_MAX = 5;
/** How much of a refused value an error message may quote back (never the whole input). */
export const QUOTED_INPUT_MAX = 60;
