import { Logger } from '@nestjs/common';
import { AppError } from '../../common/errors/app-error';

/** An error as the writer thread reports it: the driver's message and SQLite result code. */
export interface WriterFailure {
  message: string;
  code?: string;
}

/** How long a client should wait before retrying a write that found the store locked or down. */
export const STORE_RETRY_AFTER_MS = 1000;

// Result codes that say "the store cannot take writes now", not "this write is wrong":
// another process held the lock past our wait budget, or the file or disk failed.
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL)/;

const logger = new Logger('SqliteWriter');

/**
 * The error a repository sees for a failed write: STORE.UNAVAILABLE (retryable, without the
 * driver's text, which goes to the log) for a lock or disk failure; otherwise the driver's
 * error with its code, so callers can still map constraint violations (DuplicateKeyError).
 */
export function writeError(op: string, failure: WriterFailure): Error {
  if (failure.code && UNAVAILABLE.test(failure.code)) {
    logger.warn(`${op} failed: ${failure.code} ${failure.message}`);
    return storeUnavailableNow();
  }
  return Object.assign(new Error(failure.message), { code: failure.code });
}

export function storeUnavailableNow(): AppError {
  return new AppError('STORE.UNAVAILABLE', 'the store cannot take writes right now; retry shortly', { retryAfterMs: STORE_RETRY_AFTER_MS });
}
