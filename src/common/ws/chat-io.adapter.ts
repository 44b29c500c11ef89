import { INestApplicationContext, Logger } from '@nestjs/common';
import { MessageMappingProperties } from '@nestjs/websockets';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { isObservable, Observable } from 'rxjs';
import { ServerOptions, Socket } from 'socket.io';
import { AppConfig } from '../../config/app-config';
import { ErrorBody } from '../errors/app-error';
import { EventBudget } from '../rate-limit/event-budget';
import { CorsPolicy } from '../http/cors-policy';
import { WsShutdownGate } from './ws-shutdown-gate';

type Handler = MessageMappingProperties & { isAckHandledManually?: boolean };
const HANDLERS = Symbol('chatHandlers');
type TableSocket = Socket & { [HANDLERS]?: Map<string, Handler> };

/**
 * Socket.IO with configured options, and one event listener per socket. Nest's IoAdapter
 * builds an RxJS pipeline per handler per socket (about 4 KB of heap each); here every
 * event of a socket goes through one `onAny` listener and a small table of the gateways'
 * handlers. Guards, pipes, filters and interceptors are untouched: they live in the
 * callbacks Nest hands us.
 */
export class ChatIoAdapter extends IoAdapter {
  private readonly logger = new Logger(ChatIoAdapter.name);

  private gate?: WsShutdownGate;
  private budget?: EventBudget;

  constructor(
    private readonly app: INestApplicationContext,
    private readonly config: AppConfig,
    /** Socket.IO's adapter for cluster mode; the default in-memory one on a single node. */
    private readonly fanout?: ServerOptions['adapter'],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    return super.createIOServer(port, {
      ...options,
      // Larger payloads are dropped by Socket.IO (the sender is disconnected), never parsed.
      maxHttpBufferSize: this.config.maxHttpBufferSize,
      ...new CorsPolicy(this.config.corsOrigins).forSocketIo(),
      ...(this.fanout && { adapter: this.fanout }),
    });
  }

  // Called once per gateway for each new socket: all of them share the socket's one listener.
  override bindMessageHandlers(socket: TableSocket, handlers: Handler[], transform: (data: unknown) => Observable<unknown>): void {
    let table = socket[HANDLERS];
    if (!table) {
      const own = new Map<string, Handler>();
      table = socket[HANDLERS] = own;
      socket.onAny((event: string, ...args: unknown[]) => {
        // Resolved on first use: the adapter is built before the module's providers are ready.
        this.gate ??= this.app.get(WsShutdownGate);
        this.budget ??= this.app.get(EventBudget);
        if (!this.gate.admit(args)) return;
        // Charged before the handler is looked up: unknown and invalid events cost as much as real ones.
        const user = (socket.data as { user?: { id: string } }).user;
        this.budget.refusal(`user:${user?.id ?? socket.id}`).then(
          (refused) => (refused ? this.refuse(socket, event, args, refused) : this.route(socket, own, event, args, transform)),
          (err: Error) => this.logger.error(`event budget failed: ${err.message}`),
        );
      });
    }
    for (const handler of handlers) table.set(handler.message as string, handler);
  }

  private route(socket: Socket, table: Map<string, Handler>, event: string, args: unknown[], transform: (data: unknown) => Observable<unknown>): void {
    const handler = table.get(event);
    if (handler) return void this.dispatch(socket, handler, args, transform);
    // A misspelt event with an ack would otherwise leave the client waiting for its timeout.
    this.refuse(socket, event, args, { code: 'VALIDATION.FAILED', message: `unknown event "${event}"` });
  }

  /** Answers without running a handler: through the ack, else as an `exception` event. */
  private refuse(socket: Socket, event: string, args: unknown[], error: ErrorBody): void {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack({ success: false, error });
    else socket.emit('exception', { event, error });
  }

  private async dispatch(socket: Socket, handler: Handler, args: unknown[], transform: (data: unknown) => Observable<unknown>): Promise<void> {
    const { data, ack } = this.mapPayload(args.length <= 1 ? args[0] : args);
    try {
      const result: unknown = await handler.callback(data, ack);
      const respond = (response: unknown) => this.respond(socket, handler, ack, response);
      if (isObservable(result) || result instanceof Promise) transform(result).subscribe(respond);
      else respond(result);
    } catch (err) {
      // Nest's proxy already routes handler errors to the exception filters; this is a last resort.
      this.logger.error(`handler for "${String(handler.message)}" failed: ${(err as Error).message}`);
    }
  }

  private respond(socket: Socket, handler: Handler, ack: unknown, response: unknown): void {
    if (response === undefined || response === null) return;
    const evented = response as { event?: string; data?: unknown };
    if (evented.event) socket.emit(evented.event, evented.data);
    else if (!handler.isAckHandledManually && typeof ack === 'function') ack(response);
  }
}
