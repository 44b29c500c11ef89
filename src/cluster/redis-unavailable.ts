import { Logger } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';

/** How long a client is asked to wait after a refusal for want of Redis: a little over one reconnect attempt. */
export const REDIS_RETRY_AFTER_MS = 2000;

const logger = new Logger('Redis');

/**
 * A Redis command that failed or timed out (the `state` connection fails fast while Redis is
 * away), as the one answer clients get for it: SERVER.BUSY with retryAfterMs, 503 on REST, the
 * ack's error on a socket. The driver's text goes to the log only. An AppError passes through,
 * so wrapping a call that already refused with a code of ours changes nothing.
 */
export function redisUnavailable(err: unknown): AppError {
  if (err instanceof AppError) return err;
  logger.warn(`command refused: ${err instanceof Error ? err.message : String(err)}`);
  return new AppError('SERVER.BUSY', 'cluster state is unreachable (Redis); retry shortly', { retryAfterMs: REDIS_RETRY_AFTER_MS });
}
