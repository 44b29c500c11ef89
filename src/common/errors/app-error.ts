import { logStoreFailure, STORE_RETRY_AFTER_MS } from './store-failure';

/** Every error code the API can answer with (DESIGN.md section 9 and the REST extras). */
export const ERROR_STATUS = {
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.TOKEN_EXPIRED': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'USER.EXISTS': 409,
  'USER.NOT_FOUND': 404,
  'USER.BLOCKED': 403,
  'ROOM.NOT_FOUND': 404,
  'ROOM.NOT_MEMBER': 403,
  'CHANNEL.PRIVATE': 403,
  'CHANNEL.FORBIDDEN': 403,
  'CHANNEL.NAME_TAKEN': 409,
  'VALIDATION.FAILED': 400,
  'PAYLOAD.TOO_LARGE': 413,
  'RATE.LIMITED': 429,
  'SERVER.BUSY': 503,
  'STORE.UNAVAILABLE': 503,
  'MESSAGE.REJECTED': 422,
  'ROUTE.NOT_FOUND': 404,
  'SERVER.ERROR': 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: FieldError[];
  retryAfterMs?: number;
}

export interface FieldError {
  field: string;
  errors: string[];
}

/** A domain error with a stable code; the HTTP and WS filters turn it into their shapes. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { details?: FieldError[]; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

/** A store call failed: the client may retry later; the cause goes to the log, not the wire. */
export function storeUnavailable(cause: unknown, context = 'store call failed'): AppError {
  if (cause instanceof AppError) return cause;
  logStoreFailure(context, cause);
  return new AppError('STORE.UNAVAILABLE', 'the store is unavailable; retry shortly', { retryAfterMs: STORE_RETRY_AFTER_MS });
}
