import { EventEmitter } from 'node:events';
import { AppConfig } from '../config/app-config';
import { ChatServer, ChatSocket } from '../common/ws/server-events';
import { SocketQuota } from './socket-quota';

type Middleware = (socket: ChatSocket, next: (err?: Error & { data?: unknown }) => void) => void;

/** Just enough of a handshaking Socket.IO socket: its user, its events, its transport's events and state. */
function handshake(userId: string, readyState = 'open') {
  const conn = Object.assign(new EventEmitter(), { readyState });
  return Object.assign(new EventEmitter(), { data: { user: { id: userId } }, conn });
}

describe(SocketQuota.name, () => {
  let sut: SocketQuota;
  let admit: Middleware;

  beforeEach(() => {
    sut = new SocketQuota(Object.assign(new AppConfig(), { maxSocketsPerUser: 2 }));
    sut.attach({ use: (fn: Middleware) => (admit = fn) } as unknown as ChatServer);
  });

  const run = (socket: ReturnType<typeof handshake>) => {
    let outcome: (Error & { data?: unknown }) | undefined;
    admit(socket as unknown as ChatSocket, (err) => (outcome = err));
    return outcome;
  };

  it('admits up to the cap per user, then refuses with RATE.LIMITED', async () => {
    expect([run(handshake('u1')), run(handshake('u1')), run(handshake('u2'))]).toEqual([undefined, undefined, undefined]);
    const refused = run(handshake('u1'));
    expect(refused?.message).toBe('too many connections');
    expect(refused?.data).toMatchObject({ code: 'RATE.LIMITED' });
    expect([await sut.count('u1'), await sut.count('u2')]).toEqual([2, 1]);
  });

  it('frees a place once when the socket disconnects and its transport closes', async () => {
    const socket = handshake('u1');
    run(socket);
    run(handshake('u1'));
    socket.emit('disconnect');
    socket.conn.emit('close');
    expect(await sut.count('u1')).toBe(1);
  });

  it('frees the place of a socket whose transport closed before it connected (no disconnect comes)', async () => {
    const socket = handshake('u1');
    run(socket);
    socket.conn.emit('close');
    expect(await sut.count('u1')).toBe(0);
  });

  it('does not count a socket whose transport had already closed during authentication', async () => {
    expect(run(handshake('u1', 'closed'))).toBeUndefined();
    expect(await sut.count('u1')).toBe(0);
  });
});
