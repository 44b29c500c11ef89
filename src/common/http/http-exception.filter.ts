import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { mapException } from '../errors/error-mapping';

/** Every REST error leaves as { statusCode, code, message }: never a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const { status, body } = mapException(exception, this.logger, `${req.method} ${req.path}`);
    if (body.retryAfterMs) res.setHeader('Retry-After', Math.ceil(body.retryAfterMs / 1000));
    res.status(status).json({ statusCode: status, ...body });
  }
}
