import { Server } from 'node:http';
import { Socket } from 'node:net';
import { HttpLimits } from '../../config/app-config';

/**
 * Server-side time limits for every TCP connection, so idle or slow clients cannot hold file
 * descriptors. Node's own timeouts start with the first byte of a request: a connection that
 * never sends one would stay open for ever, so the idle timer below closes it.
 */
export function applyConnectionTimeouts(server: Server, limits: HttpLimits): void {
  server.requestTimeout = limits.requestTimeoutMs;
  // Node requires headersTimeout <= requestTimeout.
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('connection', (socket: Socket) => closeIfSilent(socket, limits.idleTimeoutMs));
}

/**
 * A plain timer and bytesRead rather than socket.setTimeout or a 'request' listener: Socket.IO
 * takes over 'request' for its own paths and ws resets socket timeouts on upgrade, so neither
 * could tell a silent connection from a long poll. Any byte hands over to Node's timeouts.
 */
function closeIfSilent(socket: Socket, idleTimeoutMs: number): void {
  const timer = setTimeout(() => {
    if (socket.bytesRead === 0) socket.destroy();
  }, idleTimeoutMs);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
