import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Response } from 'express';
import { AppError, ErrorBody, ErrorCode } from '../errors/app-error';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION.FAILED',
  401: 'AUTH.INVALID_TOKEN',
  404: 'ROUTE.NOT_FOUND',
  413: 'VALIDATION.FAILED',
  429: 'RATE.LIMITED',
};

/** Every REST error leaves as { statusCode, code, message }: never a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.describe(exception);
    if (body.retryAfterMs) res.setHeader('Retry-After', Math.ceil(body.retryAfterMs / 1000));
    res.status(status).json({ statusCode: status, ...body });
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof AppError) return [exception.status, exception.toBody()];
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'SERVER.ERROR' : 'VALIDATION.FAILED');
      return [status, { code, message: exception.message }];
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return [500, { code: 'SERVER.ERROR', message: 'Internal server error' }];
  }
}
