/** Method families are registries keyed by name; an unknown name throws and lists the valid ones. */
import { DomainError } from '../errors.js';

export function pick<T>(registry: Readonly<Record<string, T>>, key: string, family: string): T {
  if (Object.hasOwn(registry, key)) return registry[key];
  const valid = Object.keys(registry);
  throw new DomainError(
    'invalid_argument',
    `Unknown ${family} method "${key}". The ${family} methods are: ${valid.join(', ')}. Use one of these names in the configuration.`,
    { field: family, key, valid },
  );
}
