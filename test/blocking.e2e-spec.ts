import { closeAll, dmPair, DmPair, fence } from './support/dm-pair';
import { http, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, record } from './support/sockets';

const BLOCKED = { code: 'USER.BLOCKED', message: expect.any(String) };

describe('Blocking a user (e2e)', () => {
  let t: TestApp;
  let p: DmPair;
  let carol: TestUser, dave: TestUser, erin: TestUser;
  let d1: Client;

  beforeAll(async () => {
    t = await startApp();
    p = await dmPair(t);
    [carol, dave, erin] = await Promise.all(['carol', 'dave', 'erin'].map((n) => registerUser(t.url, n)));
    d1 = await connect(t.url, dave.token);
  });

  afterAll(async () => {
    closeAll(p);
    d1?.close();
    await t?.app.close();
  });

  const block = (by: TestUser, whom: TestUser, method = 'POST') => http(t.url, method, `/users/${whom.user.id}/block`, { token: by.token });
  const blockedBy = async (u: TestUser) => (await http(t.url, 'GET', '/users/blocked', { token: u.token })).body;

  it('blocks and unblocks idempotently, lists the blocked, refuses yourself and unknown users changing nothing', async () => {
    expect((await block(carol, erin)).status).toBe(204);
    expect((await block(carol, erin)).status).toBe(204);
    expect(await blockedBy(carol)).toEqual({ userIds: [erin.user.id] });
    expect(await block(carol, carol)).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await http(t.url, 'POST', '/users/000000000000000000000000/block', { token: carol.token })).toMatchObject({ status: 404, body: { code: 'USER.NOT_FOUND' } });
    expect(await blockedBy(carol)).toEqual({ userIds: [erin.user.id] });
    expect((await block(carol, erin, 'DELETE')).status).toBe(204);
    expect((await block(carol, erin, 'DELETE')).status).toBe(204);
    expect(await blockedBy(carol)).toEqual({ userIds: [] });
    expect((await http(t.url, 'GET', '/users/blocked')).status).toBe(401);
  });

  it('a blocked user cannot open a DM with the blocker (403 USER.BLOCKED, no room); the blocker still can', async () => {
    expect((await block(erin, dave)).status).toBe(204);
    expect(await http(t.url, 'POST', `/direct/${erin.user.id}`, { token: dave.token })).toEqual({ status: 403, body: { statusCode: 403, ...BLOCKED } });
    expect((await http(t.url, 'GET', '/rooms', { token: dave.token })).body.filter((r: any) => r.kind === 'direct')).toEqual([]);
    expect(await http(t.url, 'POST', `/direct/${dave.user.id}`, { token: erin.token })).toMatchObject({ status: 200, body: { kind: 'direct' } });
  });

  it('in an existing DM the blocked user\'s new messages are refused and reach no one; unblocking lets them through again', async () => {
    const log = record(p.b1);
    expect((await block(p.bob, p.alice)).status).toBe(204);
    expect(await ack(p.a1, 'roomMessage', { roomId: p.roomId, body: 'after block', tempId: 'blocked-1' })).toEqual({ success: false, error: BLOCKED });
    await fence(p);
    expect(log.filter(([, m]) => m?.body === 'after block')).toEqual([]);
    const history = await http(t.url, 'GET', `/rooms/${p.roomId}/messages`, { token: p.bob.token });
    expect(history.body.messages.map((m: any) => m.body)).not.toContain('after block');
    expect((await block(p.bob, p.alice, 'DELETE')).status).toBe(204);
    expect(await ack(p.a1, 'roomMessage', { roomId: p.roomId, body: 'after unblock' })).toMatchObject({ success: true });
  });

  it('a blocked user cannot invite the blocker, nor add them in createChannel memberIds: refused, nothing created', async () => {
    expect((await block(carol, dave)).status).toBe(204);
    const channel = await ack(d1, 'createChannel', { name: 'daves', isPrivate: true });
    expect(channel).toMatchObject({ success: true });
    expect(await ack(d1, 'inviteToChannel', { channelId: channel.channel.id, userId: carol.user.id })).toEqual({ success: false, error: BLOCKED });
    expect(await http(t.url, 'POST', `/channels/${channel.channel.id}/invite`, { token: dave.token, body: { userId: carol.user.id } })).toMatchObject({ status: 403, body: BLOCKED });
    const members = await http(t.url, 'GET', `/channels/${channel.channel.id}/members`, { token: dave.token });
    expect(members.body.map((m: any) => m.userId)).toEqual([dave.user.id]);
    const forced = await ack(d1, 'createChannel', { name: 'forced', memberIds: [p.alice.user.id, carol.user.id] });
    expect(forced).toEqual({ success: false, error: BLOCKED });
    expect(await http(t.url, 'POST', '/channels', { token: dave.token, body: { name: 'forced-rest', memberIds: [carol.user.id] } })).toMatchObject({ status: 403, body: BLOCKED });
    expect((await http(t.url, 'GET', '/channels?search=forced', { token: dave.token })).body.channels).toEqual([]);
    expect((await http(t.url, 'GET', '/rooms', { token: p.alice.token })).body.map((r: any) => r.name)).not.toContain('forced');
  });
});
