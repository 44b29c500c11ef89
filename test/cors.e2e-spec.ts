import { io, Socket } from 'socket.io-client';
import { registerUser, TestUser } from './support/http';
import { startApp, TEST_SECRET, TestApp } from './support/harness';

const ALLOWED = 'https://app.example.com';
const REFUSED = 'https://evil.example';

function preflightOrigin(t: TestApp, origin: string): Promise<string | null> {
  const headers = { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' };
  return fetch(`${t.url}/rooms`, { method: 'OPTIONS', headers }).then((res) => res.headers.get('access-control-allow-origin'));
}

/** 'ready' or the connect_error message of a browser-like client from `origin`. */
function socketFrom(t: TestApp, user: TestUser, origin: string, transport: 'websocket' | 'polling'): Promise<string> {
  const socket: Socket = io(t.url, { auth: { token: user.token }, transports: [transport], forceNew: true, reconnection: false, extraHeaders: { origin } });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither ready nor connect_error')), 5000);
    const settle = (outcome: string) => {
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    };
    socket.once('ready', () => settle('ready'));
    socket.once('connect_error', (err) => settle(err.message));
  });
}

describe('CORS_ORIGINS (e2e)', () => {
  describe('set to one origin', () => {
    let t: TestApp;
    let alice: TestUser;
    beforeAll(async () => {
      t = await startApp({ CORS_ORIGINS: ALLOWED });
      alice = await registerUser(t.url, 'alice');
    });
    afterAll(() => t?.app.close());

    it('lets that origin use REST and Socket.IO over both transports', async () => {
      expect(await preflightOrigin(t, ALLOWED)).toBe(ALLOWED);
      expect(await socketFrom(t, alice, ALLOWED, 'websocket')).toBe('ready');
      expect(await socketFrom(t, alice, ALLOWED, 'polling')).toBe('ready');
    });

    it('refuses another origin on REST and on Socket.IO over both transports', async () => {
      expect(await preflightOrigin(t, REFUSED)).toBeNull();
      expect(await socketFrom(t, alice, REFUSED, 'websocket')).not.toBe('ready');
      expect(await socketFrom(t, alice, REFUSED, 'polling')).not.toBe('ready');
    });

    it('still serves clients that send no Origin (servers, mobile apps)', async () => {
      const res = await fetch(`${t.url}/auth/me`, { headers: { authorization: `Bearer ${alice.token}` } });
      expect(res.status).toBe(200);
    });
  });

  describe('unset in production', () => {
    let t: TestApp;
    let alice: TestUser;
    beforeAll(async () => {
      t = await startApp({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET });
      alice = await registerUser(t.url, 'alice');
    });
    afterAll(() => t?.app.close());

    it('refuses every other origin but serves pages of its own', async () => {
      expect(await preflightOrigin(t, ALLOWED)).toBeNull();
      expect(await socketFrom(t, alice, ALLOWED, 'websocket')).not.toBe('ready');
      expect(await socketFrom(t, alice, t.url, 'websocket')).toBe('ready');
    });
  });
});
