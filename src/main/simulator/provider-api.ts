import type { ProviderId } from '../../shared/model';
import type { Reply, RequestContext } from './reply';

/** One fake provider as the server drives it. */
export interface ProviderApi {
  provider: ProviderId;
  /** Auth, rate limit and routing for a request whose segments follow the provider prefix (e.g. after "junkie"). */
  handle(ctx: RequestContext): Promise<Reply>;
  /** An injected failure in this provider's own error shape. */
  faultReply(kind: 'status' | 'rate_limited', status: number, retryAfterSeconds?: number): Reply;
}

/** Strict non-negative integer from a query or body value; undefined when absent, NaN when invalid. */
export function parseIntParam(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}
