import * as jwt from 'jsonwebtoken';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TEST_SECRET, TestApp } from './support/harness';
import { ack, Client, connect, next } from './support/sockets';

describe('Token expiry on open sockets (e2e)', () => {
  let t: TestApp;
  let sockets: Client[] = [];
  beforeAll(async () => {
    t = await startApp();
  });
  afterEach(() => sockets.forEach((s) => s.close()));
  afterAll(() => t?.app.close());

  const tokenFor = (user: TestUser, exp: number) => jwt.sign({ sub: user.user.id, username: user.user.username, exp }, TEST_SECRET);
  const open = async (token: string) => {
    const socket = await connect(t.url, token);
    sockets.push(socket);
    return socket;
  };

  it('tells a socket its token expired and disconnects it; a tab that refreshed in time stays and keeps receiving', async () => {
    sockets = [];
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const bobTab = await open(bob.token);
    // exp is whole seconds: rounding up and adding 3 leaves at least 3 s to connect and refresh.
    const exp = Math.ceil(Date.now() / 1000) + 3;
    const [lapsed, renewed] = await Promise.all([open(tokenFor(alice, exp)), open(tokenFor(alice, exp))]);
    const told = next(lapsed, 'exception', (e) => e.event === 'auth', 10_000);
    const gone = next<string>(lapsed, 'disconnect', () => true, 10_000);

    expect(await ack(renewed, 'auth:refresh', { token: bob.token })).toMatchObject({ success: false, error: { code: 'AUTH.INVALID_TOKEN' } });
    expect(await ack(renewed, 'auth:refresh', { token: alice.token })).toMatchObject({ success: true, expiresAt: expect.any(String) });

    expect(await told).toEqual({ event: 'auth', error: { code: 'AUTH.TOKEN_EXPIRED', message: expect.any(String) } });
    expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
    expect(await gone).toBe('io server disconnect');

    // Both tabs' first timers were due by now: the refreshed one was re-armed, so it still hears Bob.
    const arrival = next(renewed, 'roomMessageRecieved', (m) => m.body === 'after expiry');
    expect(await ack(bobTab, 'roomMessage', { roomId, body: 'after expiry' })).toMatchObject({ success: true });
    expect(await arrival).toMatchObject({ roomId, body: 'after expiry' });
    expect(renewed.connected).toBe(true);
  });

  it('refuses a handshake with an expired token, and REST with it, as before', async () => {
    const carol = await registerUser(t.url, 'carol');
    const stale = tokenFor(carol, Math.floor(Date.now() / 1000) - 5);
    await expect(connect(t.url, stale)).rejects.toMatchObject({ message: 'unauthorized', data: { code: 'AUTH.TOKEN_EXPIRED' } });
    expect(await http(t.url, 'GET', '/rooms', { token: stale })).toMatchObject({ status: 401, body: { code: 'AUTH.TOKEN_EXPIRED' } });
  });
});
