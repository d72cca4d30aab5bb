import type { Clock } from '../../src/shared/clock';

/**
 * Time that runs `speed` times faster than the wall clock from a shared origin,
 * so the benchmark's poller and the simulator in another process agree on "now"
 * while rate windows of minutes pass in seconds.
 */
export class FastClock implements Clock {
  constructor(
    readonly origin: number,
    readonly speed: number,
  ) {}
  now(): number {
    return this.origin + (Date.now() - this.origin) * this.speed;
  }
  /** Real milliseconds to wait for `simulatedMs` to pass. */
  real(simulatedMs: number): number {
    return Math.max(0, simulatedMs / this.speed);
  }
}
