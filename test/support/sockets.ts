import { io, Socket } from 'socket.io-client';

export type Client = Socket & { ready: any };

const DEFAULT_TIMEOUT = 5000;

/** A real socket.io-client, resolved once the server's `ready` arrived. */
export function connect(url: string, token: string | undefined, timeoutMs = DEFAULT_TIMEOUT): Promise<Client> {
  const socket = io(url, { auth: token ? { token } : {}, transports: ['websocket'], forceNew: true, reconnection: false }) as Client;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no ready event within timeout')), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    };
    socket.once('connect_error', fail);
    socket.once('ready', (payload) => {
      clearTimeout(timer);
      socket.ready = payload;
      resolve(socket);
    });
  });
}

/** The connect_error a refused handshake produces. */
export function connectError(url: string, opts: { token?: string; headers?: Record<string, string> }): Promise<Error & { data?: any }> {
  const socket = io(url, {
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.headers,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither connect nor connect_error')), DEFAULT_TIMEOUT);
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      resolve(err);
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.close();
      reject(new Error('connected although it should have been refused'));
    });
  });
}

/** The next `event` on `socket` matching `filter`, or a rejection after the timeout. */
export function next<T = any>(socket: Socket, event: string, filter: (p: T) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      if (!filter(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

/** Records every event the socket receives, in order, as [name, payload]. */
export function record(socket: Socket): Array<[string, any]> {
  const log: Array<[string, any]> = [];
  socket.onAny((event, payload) => log.push([event, payload]));
  return log;
}

export function ack<T = any>(socket: Socket, event: string, ...args: unknown[]): Promise<T> {
  return socket.timeout(DEFAULT_TIMEOUT).emitWithAck(event, ...args);
}

/** Resolves when `condition` holds, polling; for states with no event to wait on. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met within timeout');
    await new Promise((r) => setTimeout(r, 10));
  }
}
