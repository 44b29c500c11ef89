import { AppConfig } from '../config/app-config';

// The waits and windows of RedisSequenceService.

/**
 * How long a delivery waits when another node took the position before it that recently: about
 * the time that node's broadcast needs to arrive here (measured: 0 ms leaves about a fifth of
 * such pairs out of order at the members, 10 ms a few percent; see the README).
 */
export const CROSS_NODE_HOLD_MS = 10;
/**
 * How long a tempId stays in Redis: while its message can be unsaved (a save is retried for
 * PERSIST_RETRY_FOR_MS), with a margin; after that, a resend is answered from the store.
 * Shorter than a node's own window (10 min): Redis holds every message's key, uncapped.
 */
export const unsavedWindowMs = (config: AppConfig): number => Math.max(60_000, 2 * config.persistRetryForMs);
// A claim meets "seed" or "reserve" at most once or twice in a row; more means Redis keeps losing its data.
export const MAX_ATTEMPTS = 4;
/** Another node seeding a room's counter: its token expires after SEEDING_MS (it may have died); a send waits SEEDING_WAIT_MS at most. */
export const SEEDING_MS = 5000;
export const SEEDING_WAIT_MS = 1000;
export const SEEDING_POLL_MS = 10;
