import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

/** Every environment variable the server reads, validated once at start. */
export class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @ValidateIf((env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined)
  @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters (required when NODE_ENV=production)' })
  JWT_SECRET?: string;

  @IsString() @MinLength(1)
  JWT_EXPIRES_IN = '1h';

  @IsString() @MinLength(1)
  SQLITE_PATH = './data/chat.db';

  @IsOptional() @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'MONGODB_URI must be a mongodb:// or mongodb+srv:// URI' })
  MONGODB_URI?: string;

  @IsIn(['optimistic', 'durable'])
  DELIVERY_MODE: 'optimistic' | 'durable' = 'optimistic';

  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  MAX_MESSAGE_LENGTH = 4000;

  @Type(() => Number) @IsInt() @Min(1) @Max(10000)
  PERSIST_BATCH_SIZE = 256;

  @Type(() => Number) @IsInt() @Min(0) @Max(10000)
  PERSIST_FLUSH_MS = 5;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000000)
  PERSIST_BUFFER_LIMIT = 10000;

  /** How long an unsaved message is retried through a store outage before it is reported Failed. */
  @Type(() => Number) @IsInt() @Min(0) @Max(3_600_000)
  PERSIST_RETRY_FOR_MS = 30_000;

  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  RATE_LIMIT_PER_SEC = 10;

  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  RATE_LIMIT_BURST = 20;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000000)
  AUTH_RATE_LIMIT_PER_MIN = 30;

  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  CHANNEL_CREATE_PER_MIN = 10;

  @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  INVITES_PER_MIN = 30;

  @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  MAX_CHANNEL_MEMBERS_PER_CALL = 100;

  /** Reverse proxies in front of the server, so the client address comes from X-Forwarded-For. */
  @Type(() => Number) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY_HOPS = 0;

  @Type(() => Number) @IsInt() @Min(10) @Max(10000000)
  MAX_QUEUED_PACKETS = 10000;

  @Type(() => Number) @IsInt() @Min(1024) @Max(100 * 1024 * 1024)
  MAX_HTTP_BUFFER_SIZE = 64 * 1024;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.join('\n')}`);
  }
}

/** Returns the validated variables, or throws ConfigError with one line per bad variable. */
export function validateEnv(env: Record<string, string | undefined>): EnvironmentVariables {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length) {
    throw new ConfigError(
      errors.map((e) => `${e.property}=${JSON.stringify(e.value)}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return vars;
}
