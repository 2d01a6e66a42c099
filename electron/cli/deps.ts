/** What the CLI needs from the outside world; tests replace parts of it. */
import { osUserName } from '../core/audit/auditLog';
import { type Clock, systemClock } from '../core/clock';
import { createHttpTransport } from '../core/koodrive/httpTransport';
import type { Transport } from '../core/koodrive/transport';
import { createKeytarStore } from '../core/secrets/keytarStore';
import type { SecretStore } from '../core/secrets/secretStore';

export interface CliDeps {
  transport: Transport;
  secretStore: SecretStore;
  clock: Clock;
  osUser: string;
}

export function defaultDeps(overrides: Partial<CliDeps> = {}): CliDeps {
  return {
    transport: overrides.transport ?? createHttpTransport(),
    secretStore: overrides.secretStore ?? createKeytarStore(),
    clock: overrides.clock ?? systemClock,
    osUser: overrides.osUser ?? osUserName(),
  };
}
