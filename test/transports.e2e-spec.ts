import { io, Socket } from 'socket.io-client';
import { openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, next } from './support/sockets';

describe('Browser-style clients: HTTP long-polling, then upgrade (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startApp();
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.app.close();
  });

  /** Socket.IO's browser defaults: polling first, websocket upgrade when it can; or polling only. */
  function client(token: string, transports: string[]): Promise<Socket> {
    const socket = io(t.url, { auth: { token }, transports, forceNew: true, reconnection: false, extraHeaders: { origin: 'https://app.example.com' } });
    sockets.push(socket);
    return next(socket, 'ready').then(() => socket);
  }

  /** Resolves with the engine's transport once it is websocket (the upgrade may already be done). */
  function upgraded(socket: Socket, timeoutMs = 5000): Promise<string> {
    const engine = socket.io.engine;
    if (engine.transport.name === 'websocket') return Promise.resolve('websocket');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still on ${engine.transport.name} after ${timeoutMs} ms`)), timeoutMs);
      engine.once('upgrade', () => {
        clearTimeout(timer);
        resolve(engine.transport.name);
      });
    });
  }

  it('works over long-polling only and over polling-then-websocket, with CORS for another origin', async () => {
    const roomId = await openDirect(t.url, alice, bob);
    const a = await client(alice.token, ['polling']);
    const b = await client(bob.token, ['polling', 'websocket']);
    expect(await upgraded(b)).toBe('websocket');
    expect(a.io.engine.transport.name).toBe('polling');
    const got = next(b, 'roomMessageRecieved');
    expect(await ack(a, 'roomMessage', { roomId, body: 'over polling', tempId: 'p-1' })).toMatchObject({ success: true });
    expect(await got).toMatchObject({ body: 'over polling', tempId: 'p-1' });
    const preflight = await fetch(`${t.url}/rooms`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(204);
    // Development default of CORS_ORIGINS: any origin, reflected.
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization');
    const handshake = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: 'https://app.example.com' } });
    expect(handshake.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});
