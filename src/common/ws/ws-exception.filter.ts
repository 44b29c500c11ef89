import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { WsException } from '@nestjs/websockets';
import { AppError, ErrorBody } from '../errors/app-error';
import { ChatSocket } from './server-events';
import { WsErrorEvent } from './ws-error.event';

/**
 * Turns every exception of a WS handler into `{ success: false, error }` through the ack,
 * or an `exception` event (with the event name and tempId) when the client passed no ack.
 */
@Catch()
@Injectable()
export class WsExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WsExceptionFilter.name);

  constructor(private readonly events: EventEmitter2) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    const error = this.describe(exception);
    this.events.emit(WsErrorEvent.eventName, new WsErrorEvent(String(ws.getPattern()), error.code));
    const ack: unknown = host.getArgByIndex(2);
    if (typeof ack === 'function') return void ack({ success: false, error });
    const data: unknown = ws.getData();
    const tempId = typeof data === 'object' && data && typeof (data as { tempId?: unknown }).tempId === 'string'
      ? (data as { tempId: string }).tempId
      : undefined;
    ws.getClient<ChatSocket>().emit('exception', { event: ws.getPattern(), ...(tempId && { tempId }), error });
  }

  private describe(exception: unknown): ErrorBody {
    if (exception instanceof AppError) return exception.toBody();
    if (exception instanceof WsException || exception instanceof HttpException) {
      return { code: 'VALIDATION.FAILED', message: exception.message };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { code: 'SERVER.ERROR', message: 'Internal server error' };
  }
}
