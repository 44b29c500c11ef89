import { AppError } from '../common/errors/app-error';

/** How long a client should wait before retrying while Redis is away. */
export const REDIS_RETRY_AFTER_MS = 1000;

/** A command that needs Redis failed (unreachable, timed out): the client is told to retry. */
export function redisUnavailable(): AppError {
  return new AppError('SERVER.BUSY', 'cluster state is unreachable (Redis); retry shortly', { retryAfterMs: REDIS_RETRY_AFTER_MS });
}
