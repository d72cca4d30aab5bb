import type { SessionPage } from '../../../shared/model';
import type { CallOptions } from '../types';

export interface JunkieLiveCounts {
  counts: Record<string, number>;
  total: number;
}
export interface JunkieService {
  /** Documented as an integer (a numeric string is read as one); null when none was readable. */
  id: number | null;
  name: string;
  description: string | null;
  extra: Record<string, unknown>;
}
export interface JunkieClient {
  readonly provider: 'junkie';
  liveCounts(opts?: CallOptions): Promise<JunkieLiveCounts>;
  /** page ≥ 1, limit 1..50 (refused before any request otherwise). */
  sessions(scriptId: string, query?: { page?: number; limit?: number; search?: string }, opts?: CallOptions): Promise<SessionPage>;
  services(opts?: CallOptions): Promise<JunkieService[]>;
}

