/**
 * Provider id → its module. The app core, poller, accounts, action service and CLI receive a
 * registry (tests pass their own, e.g. with a fourth, test-only provider) and find everything about
 * a provider through it. Adding a provider: its folder, and one line in DEFAULT_PROVIDER_MODULES.
 */
import { registerProviderDescriptors, type ProviderDescriptor } from '../../shared/provider-descriptor';

/**
 * Descriptor and name look-ups by id, for code that is handed only an id (tray text, error advice).
 * Imported from here, they see at least the shipped providers (registered below on import).
 */
export { providerDescriptor, providerLabel } from '../../shared/provider-descriptor';
import { junkieModule } from './junkie';
import { luaauthModule } from './luaauth';
import { luaprotModule } from './luaprot';
import type { ProviderModule } from './module';

export interface ProviderRegistry {
  /** The module of `id`; throws for a provider nobody registered (settings are validated before). */
  get(id: string): ProviderModule;
  has(id: string): boolean;
  ids(): string[];
  /** Every provider's descriptor, in registration order (what main hands the window). */
  descriptors(): ProviderDescriptor[];
}

/** A module with its own plan state type (each plan only ever sees the state it made). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProviderModule = ProviderModule<any>;

export function createProviderRegistry(modules: ReadonlyArray<AnyProviderModule>): ProviderRegistry {
  const byId = new Map<string, ProviderModule>();
  for (const m of modules) {
    if (byId.has(m.descriptor.id)) throw new Error(`provider "${m.descriptor.id}" is registered twice`);
    byId.set(m.descriptor.id, m);
  }
  registerProviderDescriptors([...byId.values()].map((m) => m.descriptor));
  return {
    get(id) {
      const found = byId.get(id);
      if (!found) throw new Error(`no provider "${id}" is registered (known: ${[...byId.keys()].join(', ')})`);
      return found;
    },
    has: (id) => byId.has(id),
    ids: () => [...byId.keys()],
    descriptors: () => [...byId.values()].map((m) => m.descriptor),
  };
}

export const DEFAULT_PROVIDER_MODULES = [junkieModule, luaprotModule, luaauthModule] as const;

/** The three providers Pulsebar ships with. */
export const defaultProviderRegistry: ProviderRegistry = createProviderRegistry(DEFAULT_PROVIDER_MODULES);
