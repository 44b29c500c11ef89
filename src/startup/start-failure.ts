import { Logger } from '@nestjs/common';
import { ConfigError } from '../config/config-error';

/** A reason the server cannot start, already worded for the operator: one line, no stack. */
export class StartupError extends Error {}

/**
 * Tells why the server did not start, then exits 1. Expected failures (bad environment, a
 * taken port, an unreachable store) are one line each on stderr, so process managers and CI
 * logs show the cause rather than a stack trace; anything else is a bug and keeps its stack.
 */
export function exitOnStartFailure(err: unknown, logger: Logger): never {
  if (err instanceof ConfigError) {
    for (const problem of err.problems) process.stderr.write(`Invalid environment variable ${problem}\n`);
  } else if (err instanceof StartupError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    logger.error(`cannot start: ${(err as Error).stack ?? String(err)}`);
  }
  process.exit(1);
}
