import type { AlertEvent } from '../../shared/alerts';

/**
 * The most recent alert events (silenced ones included), newest first, capped so
 * a flapping series can't grow it without bound. Plain data in and out for persistence.
 */
export const DEFAULT_ALERT_LOG_SIZE = 200;

export class AlertLog {
  readonly capacity: number;
  private readonly ring: Array<AlertEvent | undefined>;
  private next = 0;
  private count = 0;

  constructor(capacity = DEFAULT_ALERT_LOG_SIZE) {
    if (!(Number.isInteger(capacity) && capacity >= 1)) throw new RangeError(`invalid alert log size ${capacity}`);
    this.capacity = capacity;
    this.ring = new Array<AlertEvent | undefined>(capacity).fill(undefined);
  }

  /** Adds events in the order they happened (the last one becomes the newest). */
  add(...events: AlertEvent[]): void {
    for (const e of events) {
      this.ring[this.next] = e;
      this.next = (this.next + 1) % this.capacity;
      this.count = Math.min(this.capacity, this.count + 1);
    }
  }

  get size(): number {
    return this.count;
  }

  /** Newest first; at most `limit`. */
  list(limit = this.count): AlertEvent[] {
    const out: AlertEvent[] = [];
    for (let i = 1; i <= Math.min(limit, this.count); i++) {
      out.push(this.ring[(this.next - i + this.capacity) % this.capacity]!);
    }
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  /** Newest first, like `list()`. */
  toJSON(): AlertEvent[] {
    return this.list();
  }

  /** Accepts what `toJSON` wrote; entries that are not event-shaped are skipped. */
  static fromJSON(data: unknown, capacity = DEFAULT_ALERT_LOG_SIZE): AlertLog {
    const log = new AlertLog(capacity);
    if (!Array.isArray(data)) return log;
    const events = data.filter(isAlertEvent).slice(0, capacity);
    log.add(...events.reverse());
    return log;
  }
}

function isAlertEvent(x: unknown): x is AlertEvent {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.ruleId === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.at === 'number' &&
    typeof e.message === 'string' &&
    typeof e.subject === 'string' &&
    typeof e.value === 'number' &&
    typeof e.reference === 'number' &&
    typeof e.silenced === 'boolean' &&
    typeof e.scope === 'object' &&
    e.scope !== null
  );
}
