import type { ProviderErrorInfo } from '../../../shared/errors';

/** LuaProt answers "No active sessions found." for an empty hub or key: that is a zero, not a failure. */
export function isLuaProtEmpty(info: ProviderErrorInfo): boolean {
  return info.provider === 'luaprot' && info.kind === 'provider_refused' && /no active sessions/i.test(info.message);
}

/** `call`'s sessions, or none when LuaProt says there are none. */
export async function orNoSessions<T>(call: () => Promise<T[]>, asInfo: (error: unknown) => ProviderErrorInfo | null): Promise<T[]> {
  try {
    return await call();
  } catch (error) {
    const info = asInfo(error);
    if (info && isLuaProtEmpty(info)) return [];
    throw error;
  }
}
