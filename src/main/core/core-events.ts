import type { EventListener } from './ports';

/** The core's push events (monitor updates, fired alerts, notices...) fanned out to every subscriber. */
export class CoreEvents {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  readonly emit: EventListener = (event, payload) => {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // A broken subscriber (closed window) must not stop the others.
      }
    }
  };
}
