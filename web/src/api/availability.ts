import type { Availability } from './retry.ts';

// The one place that knows whether the API is answering, for the notice that says it is not.
let current: Availability = 'ok';
const listeners = new Set<() => void>();

export function reportAvailability(next: Availability): void {
  if (next === current) return;
  current = next;
  for (const listener of listeners) listener();
}

export function subscribeAvailability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentAvailability(): Availability {
  return current;
}
