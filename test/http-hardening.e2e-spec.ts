import { startApp, TestApp } from './support/harness';
import { http, registerUser, TestUser } from './support/http';
import { ack, Client, connect } from './support/sockets';

const deepJson = (depth: number): string => '{"name":'.repeat(depth) + '"x"' + '}'.repeat(depth);
const deepValue = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

async function post(url: string, path: string, token: string, raw: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: raw });
  return { status: res.status, body: await res.json() };
}

describe('HTTP hardening (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;
  let socket: Client;

  beforeAll(async () => {
    t = await startApp();
    alice = await registerUser(t.url, 'alice');
    socket = await connect(t.url, alice.token);
  });
  afterAll(async () => {
    socket?.close();
    await t?.app.close();
  });

  it('answers a JSON body over the limit with 413 PAYLOAD.TOO_LARGE, creating nothing', async () => {
    const res = await post(t.url, '/channels', alice.token, JSON.stringify({ name: 'big', description: 'x'.repeat(200_000) }));
    expect(res).toEqual({ status: 413, body: { statusCode: 413, code: 'PAYLOAD.TOO_LARGE', message: 'request entity too large' } });
    expect((await http(t.url, 'GET', '/channels?search=big', { token: alice.token })).body.channels).toEqual([]);
  });

  it('answers malformed JSON with 400 VALIDATION.FAILED', async () => {
    expect(await post(t.url, '/channels', alice.token, '{"name": ')).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
  });

  it('answers a body nested 3,000 deep with 400 VALIDATION.FAILED, and the same payload on a socket too', async () => {
    const res = await post(t.url, '/channels', alice.token, deepJson(3000));
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', message: 'payload: payload must not nest deeper than 32 levels' } });
    const wsAck = await ack(socket, 'createChannel', { name: 'deep', memberIds: deepValue(3000) });
    expect(wsAck).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    expect((await http(t.url, 'GET', '/channels?search=deep', { token: alice.token })).body.channels).toEqual([]);
  });

  it('still accepts ordinary nesting', async () => {
    expect(await post(t.url, '/channels', alice.token, JSON.stringify({ name: 'shallow', memberIds: [] }))).toMatchObject({ status: 201 });
  });

  it.each([
    ['a control character', 'gen\u0007eral'],
    ['a newline', 'two\nlines'],
    ['a right-to-left override', 'admin\u202Egpj.exe'],
    ['an isolate', 'pay\u2066pal\u2069'],
    ['a right-to-left mark', 'news\u200F'],
  ])('refuses a channel name with %s over REST and Socket.IO (VALIDATION.FAILED, nothing created)', async (_what, name) => {
    const res = await http(t.url, 'POST', '/channels', { token: alice.token, body: { name } });
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED', details: [{ field: 'name', errors: ['name must not contain control characters or bidi overrides'] }] } });
    expect(await ack(socket, 'createChannel', { name })).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    const all = await http(t.url, 'GET', '/channels?limit=100', { token: alice.token });
    expect(all.body.channels.map((c: { name: string }) => c.name)).not.toContain(name);
  });

  it('accepts names in any script, emoji included', async () => {
    expect(await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'شاي ☕ 茶' } })).toMatchObject({ status: 201, body: { name: 'شاي ☕ 茶' } });
  });

  it('leaves /metrics open outside production when METRICS_TOKEN is unset', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
  });

  it('sends security headers and no X-Powered-By, and Swagger UI loads its scripts from this origin (as a browser resolves them)', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const src of scripts) expect([src, (await fetch(new URL(src, `${t.url}/docs`))).status]).toEqual([src, 200]);
    const health = await fetch(`${t.url}/health`);
    expect([health.headers.get('x-powered-by'), health.headers.get('x-frame-options')]).toEqual([null, 'SAMEORIGIN']);
  });
});
