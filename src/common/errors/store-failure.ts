import { Logger } from '@nestjs/common';

/** How long a client is asked to wait before retrying after a store failure. */
export const STORE_RETRY_AFTER_MS = 2000;

const logger = new Logger('Store');

// A WeakSet rather than a wrapper class: the error keeps its identity, class and driver
// code, so code that inspects it (the write queue's retry policy) sees what it always saw.
const failures = new WeakSet<object>();

/** Marks an error as raised by the store, so the HTTP and WS filters answer STORE.UNAVAILABLE. */
export function markStoreFailure(err: unknown): unknown {
  const marked = typeof err === 'object' && err !== null ? err : new Error(String(err));
  failures.add(marked);
  return marked;
}

export function isStoreFailure(err: unknown): boolean {
  return typeof err === 'object' && err !== null && failures.has(err);
}

/** The driver's text is for operators only: it names files, hosts and SQL, never the client's business. */
export function logStoreFailure(context: string, cause: unknown): void {
  const text = cause instanceof Error ? cause.message : String(cause);
  logger.warn(`${context}: ${text}`);
}
