import { connect as tcpConnect } from 'node:net';
import { tempDbPath } from './support/harness';
import { registerUser } from './support/http';
import { ServerProcess, spawnServer } from './support/server-process';
import { io } from 'socket.io-client';
import { connect, next } from './support/sockets';

const METRICS_TOKEN = 'metrics-token-0123456789';
const STACK_LINE = /^\s+at /m;

/** Opens a raw TCP connection that never sends a byte; resolves with how long the server kept it. */
function silentConnection(url: string, timeoutMs: number): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = tcpConnect(Number(port), hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept a silent connection open for ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

const get = (s: ServerProcess, path: string, token?: string) => fetch(s.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('Connection limits and production defaults (e2e, built server process)', () => {
  let sut: ServerProcess;

  beforeAll(async () => {
    sut = await spawnServer({ NODE_ENV: 'production', SQLITE_PATH: tempDbPath(), HTTP_IDLE_TIMEOUT_MS: '500', METRICS_TOKEN });
  });
  afterAll(async () => {
    sut?.child.kill('SIGTERM');
    await sut?.exited;
  });

  it('closes a connection that never sends a byte after HTTP_IDLE_TIMEOUT_MS, and keeps Socket.IO connections', async () => {
    const user = await registerUser(sut.url, 'idle');
    const websocket = await connect(sut.url, user.token);
    // A long poll waits silently for up to the 25 s ping interval: it must outlive the idle timer.
    const polling = io(sut.url, { auth: { token: user.token }, transports: ['polling'], forceNew: true, reconnection: false });
    await next(polling, 'ready');
    const keptMs = await silentConnection(sut.url, 10_000);
    expect(keptMs).toBeGreaterThanOrEqual(400);
    expect(await silentConnection(sut.url, 10_000)).toBeGreaterThanOrEqual(400);
    expect([websocket.connected, polling.connected]).toEqual([true, true]);
    websocket.close();
    polling.close();
  });

  it('answers a body nested 3,000 deep with 400 and logs no stack trace', async () => {
    const body = '['.repeat(3000) + ']'.repeat(3000);
    const res = await fetch(`${sut.url}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(sut.output()).not.toMatch(STACK_LINE);
    expect(sut.output()).not.toContain('RangeError');
  });

  it('hides /docs and /docs-json in production unless DOCS_ENABLED', async () => {
    expect((await get(sut, '/docs')).status).toBe(404);
    expect((await get(sut, '/docs-json')).status).toBe(404);
  });

  it('serves /metrics only with the METRICS_TOKEN bearer token', async () => {
    const refused = await get(sut, '/metrics');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    expect((await get(sut, '/metrics', 'wrong-token-0123456789')).status).toBe(401);
    const scraped = await get(sut, '/metrics', METRICS_TOKEN);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('process_cpu');
  });
});

describe('Production without METRICS_TOKEN, with DOCS_ENABLED (e2e, built server process)', () => {
  let sut: ServerProcess;

  beforeAll(async () => {
    sut = await spawnServer({ NODE_ENV: 'production', SQLITE_PATH: tempDbPath(), DOCS_ENABLED: 'true' });
  });
  afterAll(async () => {
    sut?.child.kill('SIGTERM');
    await sut?.exited;
  });

  it('keeps /metrics closed and serves the docs', async () => {
    const closed = await get(sut, '/metrics');
    expect(closed.status).toBe(401);
    expect(await closed.json()).toMatchObject({ message: 'metrics are closed: set METRICS_TOKEN to scrape them' });
    expect((await get(sut, '/docs')).status).toBe(200);
    expect((await get(sut, '/docs-json')).status).toBe(200);
  });
});
