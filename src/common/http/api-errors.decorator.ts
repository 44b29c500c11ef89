import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from '../errors/app-error';
import { ErrorResponseDto } from './error-response.dto';

/** A message the server really sends for each code, for the examples in /docs. */
const EXAMPLE_MESSAGE: Record<ErrorCode, string> = {
  'AUTH.INVALID_TOKEN': 'invalid token',
  'AUTH.TOKEN_EXPIRED': 'token expired',
  'AUTH.INVALID_CREDENTIALS': 'invalid username or password',
  'USER.EXISTS': 'username is already taken',
  'USER.NOT_FOUND': 'no user 6650c0ffee00000000000b0b',
  'USER.BLOCKED': 'this user has blocked you',
  'ROOM.NOT_FOUND': 'no room 6650c0ffee00000000000f00',
  'ROOM.NOT_MEMBER': 'you are not a member of 6650c0ffee00000000000f00',
  'CHANNEL.PRIVATE': 'this channel is private: ask a member for an invitation',
  'CHANNEL.FORBIDDEN': 'only the owner or an admin may invite to a private channel',
  'CHANNEL.NAME_TAKEN': 'a public channel named "general" exists',
  'VALIDATION.FAILED': 'limit: limit must not be greater than 200',
  'PAYLOAD.TOO_LARGE': 'request entity too large',
  'RATE.LIMITED': 'too many sign-in attempts: retry in 1200 ms',
  'SERVER.BUSY': 'too many unsaved messages: retry shortly',
  'STORE.UNAVAILABLE': 'the store is unavailable; retry shortly',
  'MESSAGE.REJECTED': 'the store refused this message (SQLITE_CONSTRAINT_UNIQUE)',
  'ROUTE.NOT_FOUND': 'Cannot GET /nope',
  'SERVER.ERROR': 'Internal server error',
};

const EXAMPLE_EXTRA: Partial<Record<ErrorCode, object>> = {
  'VALIDATION.FAILED': { details: [{ field: 'limit', errors: ['limit must not be greater than 200'] }] },
  'RATE.LIMITED': { retryAfterMs: 1200 },
  'SERVER.BUSY': { retryAfterMs: 500 },
  'STORE.UNAVAILABLE': { retryAfterMs: 2000 },
};

/** The body the server answers with for `code`, as shown in the docs. */
export function errorExample(code: ErrorCode): { summary: string; value: object } {
  const status = ERROR_STATUS[code];
  const extra = EXAMPLE_EXTRA[code] ?? {};
  return { summary: code, value: { statusCode: status, code, message: EXAMPLE_MESSAGE[code], ...extra } };
}

/**
 * Documents the error responses of an operation by code: one response per status, the
 * ErrorResponseDto schema, the codes in its description and one example per code.
 * `notes` adds a word on when a code happens.
 */
export function ApiErrors(...codes: Array<ErrorCode | [ErrorCode, string]>): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, Array<[ErrorCode, string?]>>();
  for (const entry of codes) {
    const [code, note] = Array.isArray(entry) ? entry : [entry];
    byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), [code, note]]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, entries]) =>
      ApiResponse({
        status,
        type: ErrorResponseDto,
        description: entries.map(([code, note]) => (note ? `${code}: ${note}` : code)).join(' | '),
        examples: Object.fromEntries(entries.map(([code]) => [code, errorExample(code)])),
      }),
    ),
  );
}
