import { http, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect } from './support/sockets';

describe('Channel creation and invite limits (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser, others: TestUser[];
  let a1: Client, b1: Client;

  beforeAll(async () => {
    t = await startApp({ CHANNEL_CREATE_PER_MIN: '2', INVITES_PER_MIN: '2', MAX_CHANNEL_MEMBERS_PER_CALL: '3' });
    [alice, bob, ...others] = await Promise.all(['alice', 'bob', 'u1', 'u2', 'u3', 'u4'].map((n) => registerUser(t.url, n)));
    [a1, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
  });

  afterAll(async () => {
    [a1, b1].forEach((s) => s?.close());
    await t?.app.close();
  });

  const channelNamed = async (name: string) => (await http(t.url, 'GET', `/channels?search=${name}`, { token: alice.token })).body.channels;

  it('refuses more memberIds than MAX_CHANNEL_MEMBERS_PER_CALL with VALIDATION.FAILED, creating nothing and counting nothing', async () => {
    const memberIds = others.map((u) => u.user.id);
    const overWs = await ack(a1, 'createChannel', { name: 'too-many-ws', memberIds });
    expect(overWs).toEqual({ success: false, error: { code: 'VALIDATION.FAILED', message: expect.stringContaining('at most 3'), details: [{ field: 'memberIds', errors: [expect.any(String)] }] } });
    const overRest = await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'too-many-rest', memberIds } });
    expect(overRest).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await channelNamed('too-many')).toEqual([]);
    const atCap = await ack(a1, 'createChannel', { name: 'three-members', memberIds: memberIds.slice(0, 3) });
    expect(atCap).toMatchObject({ success: true, channel: { memberIds: expect.arrayContaining(memberIds.slice(0, 3)) } });
  });

  it('rate-limits channel creation per user with RATE.LIMITED and retryAfterMs, over WS and REST', async () => {
    expect(await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'second' } })).toMatchObject({ status: 201 });
    const refusedWs = await ack(a1, 'createChannel', { name: 'third-ws' });
    expect(refusedWs).toEqual({ success: false, error: { code: 'RATE.LIMITED', message: expect.any(String), retryAfterMs: expect.any(Number) } });
    expect(refusedWs.error.retryAfterMs).toBeGreaterThan(0);
    expect(refusedWs.error.retryAfterMs).toBeLessThanOrEqual(60_000);
    const res = await fetch(`${t.url}/channels`, { method: 'POST', headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'third-rest' }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) });
    expect(await channelNamed('third')).toEqual([]);
    expect(await ack(b1, 'createChannel', { name: 'bobs' })).toMatchObject({ success: true });
  });

  it('rate-limits invites per inviting user; the refused invitee is not added', async () => {
    const channelId = (await channelNamed('bobs'))[0].id;
    for (const u of others.slice(0, 2)) {
      expect(await ack(b1, 'inviteToChannel', { channelId, userId: u.user.id })).toMatchObject({ success: true });
    }
    const refused = await ack(b1, 'inviteToChannel', { channelId, userId: others[2].user.id });
    expect(refused).toEqual({ success: false, error: { code: 'RATE.LIMITED', message: expect.any(String), retryAfterMs: expect.any(Number) } });
    expect(await http(t.url, 'POST', `/channels/${channelId}/invite`, { token: bob.token, body: { userId: others[3].user.id } })).toMatchObject({ status: 429, body: { code: 'RATE.LIMITED' } });
    const members = await http(t.url, 'GET', `/channels/${channelId}/members`, { token: bob.token });
    expect(members.body.map((m: any) => m.userId).sort()).toEqual([bob.user.id, others[0].user.id, others[1].user.id].sort());
  });
});
