/**
 * LuaProt keeps listing a disconnected session for up to 90 seconds (providers/luaprot.md "Expiry",
 * seeds/luaprot-sessions.txt). The window marks such rows "disconnecting" and the simulator lingers
 * them this long by default.
 */
export const LUAPROT_DISCONNECT_LINGER_MS = 90_000;

/** The mark on a lingering row, in words. */
export const DISCONNECTING_LABEL = `disconnecting (up to ${LUAPROT_DISCONNECT_LINGER_MS / 1000} s)`;
