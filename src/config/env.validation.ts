import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateBy, ValidateIf, validateSync } from 'class-validator';
import { ConfigError } from './config-error';
import { parseDurationSeconds } from './duration';

/** An integer variable; every failure reads the same, so the error line says it once. */
function IntRange(min: number, max: number): PropertyDecorator {
  const message = `an integer from ${min} to ${max}`;
  return applyDecorators(Type(() => Number), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

function OneOf(values: string[]): PropertyDecorator {
  return IsIn(values, { message: `one of ${values.join(', ')}` });
}

const SECRET_RULE = 'a secret of at least 16 characters (required when NODE_ENV=production or REDIS_URL is set)';

/** Every environment variable the server reads, validated once at start. */
export class EnvironmentVariables {
  @IsOptional() @OneOf(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntRange(0, 65535)
  PORT = 3000;

  // Every node of a cluster must verify every other node's tokens: a random secret per process cannot.
  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.REDIS_URL !== undefined || env.JWT_SECRET !== undefined)
  @IsString({ message: SECRET_RULE })
  @MinLength(16, { message: SECRET_RULE })
  JWT_SECRET?: string;

  @ValidateBy(
    { name: 'duration', validator: { validate: (value: unknown) => typeof value === 'string' && parseDurationSeconds(value) !== undefined } },
    { message: 'a token lifetime of at least 1 second: a number of seconds or a duration such as 15m, 1h, 7d' },
  )
  JWT_EXPIRES_IN = '1h';

  @IsString() @MinLength(1)
  SQLITE_PATH = './data/chat.db';

  @IsOptional() @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI?: string;

  /** Set: cluster mode (DESIGN.md section 8); unset: one node with nothing else to run. */
  @IsOptional() @Matches(/^rediss?:\/\/\S+$/, { message: 'a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Browser origins allowed to call REST and Socket.IO; unset: any in development, same-origin only in production. */
  @IsOptional()
  @Matches(/^\s*(\*|https?:\/\/[^/\s,]+)\s*(,\s*https?:\/\/[^/\s,]+\s*)*$/i, {
    message: 'a comma-separated list of origins (scheme://host[:port], no path), or *',
  })
  CORS_ORIGINS?: string;

  @OneOf(['optimistic', 'durable'])
  DELIVERY_MODE: 'optimistic' | 'durable' = 'optimistic';

  @IntRange(1, 100000)
  MAX_MESSAGE_LENGTH = 4000;

  @IntRange(1, 10000)
  PERSIST_BATCH_SIZE = 256;

  @IntRange(0, 10000)
  PERSIST_FLUSH_MS = 5;

  @IntRange(1, 1000000)
  PERSIST_BUFFER_LIMIT = 10000;

  /** How long an unsaved message is retried through a store outage before it is reported Failed. */
  @IntRange(0, 3_600_000)
  PERSIST_RETRY_FOR_MS = 30_000;

  @IntRange(1, 100000)
  RATE_LIMIT_PER_SEC = 10;

  @IntRange(1, 100000)
  RATE_LIMIT_BURST = 20;

  /** Socket events and REST writes per user, any kind (unknown and invalid ones too). */
  @IntRange(1, 100000)
  EVENT_BUDGET_PER_SEC = 30;

  @IntRange(1, 1000000)
  EVENT_BUDGET_BURST = 60;

  @IntRange(1, 1000000)
  AUTH_RATE_LIMIT_PER_MIN = 30;

  /** Consecutive failed logins for one username from one address before that pair waits an hour. */
  @IntRange(1, 100000)
  LOGIN_FAILS_PER_USER_IP = 10;

  @IntRange(1, 1000000)
  LOGIN_FAILS_PER_IP_PER_DAY = 100;

  @IntRange(1, 100000)
  CHANNEL_CREATE_PER_MIN = 10;

  @IntRange(1, 100000)
  INVITES_PER_MIN = 30;

  @IntRange(1, 1000)
  MAX_CHANNEL_MEMBERS_PER_CALL = 100;

  /** Channels with more members send no readReceipt (DMs always do): fan-out grows with members squared. */
  @IntRange(0, 100000)
  READ_RECEIPTS_MAX_MEMBERS = 100;

  /** Reverse proxies in front of the server, so the client address comes from X-Forwarded-For. */
  @IntRange(0, 10)
  TRUST_PROXY_HOPS = 0;

  @IntRange(10, 10000000)
  MAX_QUEUED_PACKETS = 10000;

  /** Unsent bytes one connection may hold: a few large messages weigh more than many small ones. */
  @IntRange(1024, 1024 * 1024 * 1024)
  MAX_QUEUED_BYTES = 4 * 1024 * 1024;

  /** Sockets one user may hold open (tabs, devices), on all nodes together in cluster mode. */
  @IntRange(1, 100000)
  MAX_SOCKETS_PER_USER = 20;

  @IntRange(1024, 100 * 1024 * 1024)
  MAX_HTTP_BUFFER_SIZE = 64 * 1024;

  /** Cluster mode: a node's sockets outlive its last presence heartbeat (renewed 3 times per TTL) this long. */
  @IntRange(300, 600_000)
  PRESENCE_TTL_MS = 15_000;

  /** How long a typing indicator lasts without renewal before the server ends it. */
  @IntRange(100, 600_000)
  TYPING_TIMEOUT_MS = 6000;

  /** Typing signals one user may send per 10 s (a client renews every 2-3 s). */
  @IntRange(1, 1_000_000)
  TYPING_SIGNALS_PER_10S = 30;

  /** A connection that has sent no byte this long after connecting is closed. */
  @IntRange(100, 600_000)
  HTTP_IDLE_TIMEOUT_MS = 10_000;

  @IntRange(1000, 600_000)
  HTTP_HEADERS_TIMEOUT_MS = 20_000;

  @IntRange(1000, 3_600_000)
  HTTP_REQUEST_TIMEOUT_MS = 30_000;

  /** Keep above the idle timeout of a load balancer in front, or it reuses connections we closed. */
  @IntRange(1000, 600_000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5000;

  /** Swagger UI at /docs and /docs-json; unset: on in development, off in production. */
  @IsOptional() @OneOf(['true', 'false'])
  DOCS_ENABLED?: 'true' | 'false';

  /** Bearer token for GET /metrics; unset: open in development, closed in production. */
  @IsOptional() @IsString() @MinLength(16, { message: 'a token of at least 16 characters' })
  METRICS_TOKEN?: string;
}

/** Returns the validated variables, or throws ConfigError with one line per bad variable. */
export function validateEnv(env: Record<string, unknown>): EnvironmentVariables {
  const defined: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string' && value !== '') defined[name] = value;
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length) throw ConfigError.fromValidation(errors, defined);
  return vars;
}
