import type { ProviderId } from '../../shared/model';

export interface LoggedRequest {
  provider: ProviderId;
  method: string;
  /** Raw path relative to the provider's base URL, without the query. */
  path: string;
  /** Clock time when the request arrived. */
  at: number;
  /** 0 until answered, and for dropped connections. */
  status: number;
}

/** Every provider request, newest last, bounded so a long demo run cannot grow without limit. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly cap = 100_000) {}

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    // Trim in chunks so the amortised cost per request stays O(1).
    if (this.entries.length > this.cap + this.cap / 10) this.entries = this.entries.slice(-this.cap);
    return entry;
  }

  list(provider?: ProviderId): LoggedRequest[] {
    const all = this.entries.length > this.cap ? this.entries.slice(-this.cap) : this.entries;
    return (provider ? all.filter((e) => e.provider === provider) : all).map((e) => ({ ...e }));
  }

  get size(): number {
    return Math.min(this.entries.length, this.cap);
  }
}
