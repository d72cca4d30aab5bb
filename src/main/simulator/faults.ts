import type { ProviderId } from '../../shared/model';
import type { Fault } from './types';

interface Entry {
  scope: ProviderId | 'all';
  fault: Fault;
  /** Requests still to affect; undefined = until cleared. */
  remaining?: number;
}

/** Injected faults, first-in first-applied; each affected request uses up one of its `count`. */
export class FaultBoard {
  private entries: Entry[] = [];

  inject(scope: ProviderId | 'all', fault: Fault): void {
    if (fault.count !== undefined && (!Number.isInteger(fault.count) || fault.count < 1)) {
      throw new Error('fault count must be a positive integer');
    }
    this.entries.push({ scope, fault, remaining: fault.count });
  }

  clear(scope?: ProviderId | 'all'): void {
    // Clearing one provider also drops faults scoped to 'all', since they affect it too.
    this.entries = scope === undefined || scope === 'all' ? [] : this.entries.filter((e) => e.scope !== scope && e.scope !== 'all');
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(provider: ProviderId): Fault | undefined {
    const i = this.entries.findIndex((e) => e.scope === provider || e.scope === 'all');
    const entry = this.entries[i];
    if (!entry) return undefined;
    if (entry.remaining !== undefined && --entry.remaining <= 0) this.entries.splice(i, 1);
    return entry.fault;
  }

  list(): Array<{ scope: ProviderId | 'all'; fault: Fault; remaining: number | null }> {
    return this.entries.map((e) => ({ scope: e.scope, fault: e.fault, remaining: e.remaining ?? null }));
  }
}

const REASONS: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** The page a reverse proxy sends when the app behind it is down. */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A body cut off mid-way, still labelled JSON. */
export function truncateJson(text: string): string {
  return text.length <= 2 ? '{"' : text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}
