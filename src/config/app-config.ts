import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { parseDurationSeconds } from './duration';
import { EnvironmentVariables, validateEnv } from './env.validation';

export interface HttpLimits {
  idleTimeoutMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/** The typed configuration every provider injects (by this class as token). */
export class AppConfig {
  port: number;
  production: boolean;
  jwtSecret: string;
  /** Token lifetime in seconds. */
  jwtExpiresIn: number;
  /** Browser origins allowed cross-origin: '*' for any, [] for same-origin only. */
  corsOrigins: '*' | string[];
  sqlitePath: string;
  /** When set, MongoDB is the store; SQLite otherwise. */
  mongodbUri?: string;
  /** When set, cluster mode: Socket.IO fan-out and shared state through this Redis. */
  redisUrl?: string;
  deliveryMode: 'optimistic' | 'durable';
  maxMessageLength: number;
  persistBatchSize: number;
  persistFlushMs: number;
  persistBufferLimit: number;
  persistRetryForMs: number;
  rateLimitPerSec: number;
  rateLimitBurst: number;
  eventBudgetPerSec: number;
  eventBudgetBurst: number;
  authRateLimitPerMin: number;
  loginFailsPerUserIp: number;
  loginFailsPerIpPerDay: number;
  channelCreatePerMin: number;
  invitesPerMin: number;
  maxChannelMembersPerCall: number;
  readReceiptsMaxMembers: number;
  trustProxyHops: number;
  maxHttpBufferSize: number;
  maxQueuedPackets: number;
  maxQueuedBytes: number;
  maxSocketsPerUser: number;
  typingTimeoutMs: number;
  /** Cluster mode: how long a silent node's sockets stay online before a live node forgets them. */
  presenceTtlMs: number;
  typingSignalsPer10s: number;
  http: HttpLimits;
  docsEnabled: boolean;
  /** undefined: /metrics is open; null: closed; a string: the bearer token it needs. */
  metricsToken?: string | null;

  static fromEnv(env: Record<string, string | undefined> = process.env): AppConfig {
    return AppConfig.fromValidated(validateEnv(env));
  }

  static fromValidated(v: EnvironmentVariables): AppConfig {
    let jwtSecret = v.JWT_SECRET;
    if (!jwtSecret) {
      jwtSecret = randomBytes(32).toString('hex');
      new Logger(AppConfig.name).warn('JWT_SECRET is not set: using a random secret; tokens die with this process');
    }
    return Object.assign(new AppConfig(), {
      port: v.PORT,
      production: v.NODE_ENV === 'production',
      jwtSecret,
      jwtExpiresIn: parseDurationSeconds(v.JWT_EXPIRES_IN)!,
      corsOrigins: corsOrigins(v),
      sqlitePath: v.SQLITE_PATH,
      mongodbUri: v.MONGODB_URI,
      redisUrl: v.REDIS_URL,
      deliveryMode: v.DELIVERY_MODE,
      maxMessageLength: v.MAX_MESSAGE_LENGTH,
      persistBatchSize: v.PERSIST_BATCH_SIZE,
      persistFlushMs: v.PERSIST_FLUSH_MS,
      persistBufferLimit: v.PERSIST_BUFFER_LIMIT,
      persistRetryForMs: v.PERSIST_RETRY_FOR_MS,
      rateLimitPerSec: v.RATE_LIMIT_PER_SEC,
      rateLimitBurst: v.RATE_LIMIT_BURST,
      eventBudgetPerSec: v.EVENT_BUDGET_PER_SEC,
      eventBudgetBurst: v.EVENT_BUDGET_BURST,
      authRateLimitPerMin: v.AUTH_RATE_LIMIT_PER_MIN,
      loginFailsPerUserIp: v.LOGIN_FAILS_PER_USER_IP,
      loginFailsPerIpPerDay: v.LOGIN_FAILS_PER_IP_PER_DAY,
      channelCreatePerMin: v.CHANNEL_CREATE_PER_MIN,
      invitesPerMin: v.INVITES_PER_MIN,
      maxChannelMembersPerCall: v.MAX_CHANNEL_MEMBERS_PER_CALL,
      readReceiptsMaxMembers: v.READ_RECEIPTS_MAX_MEMBERS,
      trustProxyHops: v.TRUST_PROXY_HOPS,
      maxHttpBufferSize: v.MAX_HTTP_BUFFER_SIZE,
      maxQueuedPackets: v.MAX_QUEUED_PACKETS,
      maxQueuedBytes: v.MAX_QUEUED_BYTES,
      maxSocketsPerUser: v.MAX_SOCKETS_PER_USER,
      typingTimeoutMs: v.TYPING_TIMEOUT_MS,
      presenceTtlMs: v.PRESENCE_TTL_MS,
      typingSignalsPer10s: v.TYPING_SIGNALS_PER_10S,
      http: {
        idleTimeoutMs: v.HTTP_IDLE_TIMEOUT_MS,
        headersTimeoutMs: v.HTTP_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: v.HTTP_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: v.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      },
      docsEnabled: v.DOCS_ENABLED === undefined ? v.NODE_ENV !== 'production' : v.DOCS_ENABLED === 'true',
      metricsToken: v.METRICS_TOKEN ?? (v.NODE_ENV === 'production' ? null : undefined),
    });
  }
}

function corsOrigins(v: EnvironmentVariables): '*' | string[] {
  if (v.CORS_ORIGINS === undefined) return v.NODE_ENV === 'production' ? [] : '*';
  const origins = v.CORS_ORIGINS.split(',').map((origin) => origin.trim().toLowerCase());
  return origins.includes('*') ? '*' : origins;
}
