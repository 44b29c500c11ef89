import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { mapException } from '../errors/error-mapping';
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
    const { body: error } = mapException(exception, this.logger, `event ${String(ws.getPattern())}`);
    this.events.emit(WsErrorEvent.eventName, new WsErrorEvent(String(ws.getPattern()), error.code));
    const ack: unknown = host.getArgByIndex(2);
    if (typeof ack === 'function') return void ack({ success: false, error });
    const data: unknown = ws.getData();
    const tempId = typeof data === 'object' && data && typeof (data as { tempId?: unknown }).tempId === 'string'
      ? (data as { tempId: string }).tempId
      : undefined;
    ws.getClient<ChatSocket>().emit('exception', { event: ws.getPattern(), ...(tempId && { tempId }), error });
  }
}
