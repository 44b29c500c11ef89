import { HttpException, Logger } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { AppError, ERROR_STATUS, ErrorBody, ErrorCode } from './app-error';
import { isStoreFailure, logStoreFailure, STORE_RETRY_AFTER_MS } from './store-failure';

/** The one status -> code table for exceptions that carry a status but no code of ours. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION.FAILED',
  401: 'AUTH.INVALID_TOKEN',
  404: 'ROUTE.NOT_FOUND',
  413: 'PAYLOAD.TOO_LARGE',
  429: 'RATE.LIMITED',
  503: 'SERVER.BUSY',
};

export interface MappedError {
  status: number;
  body: ErrorBody;
}

/** body-parser's refusals (too large, malformed JSON, bad charset): http-errors with a 4xx status. */
interface ClientHttpError {
  status: number;
  expose: true;
  message: string;
}

function isClientHttpError(e: unknown): e is ClientHttpError {
  const { expose, status } = e as Partial<ClientHttpError>;
  return e instanceof Error && expose === true && Number.isInteger(status) && status! >= 400 && status! < 500;
}

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in ERROR_STATUS;

function fromHttpException(exception: HttpException): MappedError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  // An HttpException built with a body of ours (e.g. /health's) keeps that body.
  if (typeof response === 'object' && isErrorCode((response as ErrorBody).code)) return { status, body: response as ErrorBody };
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'SERVER.ERROR' : 'VALIDATION.FAILED');
  return { status, body: { code, message: exception.message } };
}

/**
 * Every exception a REST or WS handler can raise, as the status and body the client sees:
 * domain errors keep their code, store failures become STORE.UNAVAILABLE without the
 * driver's text, anything unexpected is logged and answered as SERVER.ERROR.
 */
export function mapException(exception: unknown, logger: Logger, where: string): MappedError {
  if (exception instanceof AppError) return { status: exception.status, body: exception.toBody() };
  if (exception instanceof HttpException) return fromHttpException(exception);
  // WsException has no status of its own: Nest raises it for malformed messages.
  if (exception instanceof WsException) return { status: 400, body: { code: 'VALIDATION.FAILED', message: exception.message } };
  if (isClientHttpError(exception)) {
    return { status: exception.status, body: { code: CODE_BY_STATUS[exception.status] ?? 'VALIDATION.FAILED', message: exception.message } };
  }
  if (isStoreFailure(exception)) {
    logStoreFailure(where, exception);
    const body: ErrorBody = { code: 'STORE.UNAVAILABLE', message: 'the store is unavailable; retry shortly', retryAfterMs: STORE_RETRY_AFTER_MS };
    return { status: ERROR_STATUS['STORE.UNAVAILABLE'], body };
  }
  logger.error(`${where}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
  return { status: 500, body: { code: 'SERVER.ERROR', message: 'Internal server error' } };
}
