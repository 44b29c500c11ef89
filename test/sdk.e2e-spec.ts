import { ChatClient } from '../client/src/sdk';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { sdkClient, stateLog, when } from './support/sdk';

const bodies = (c: ChatClient, roomId: string) => c.messages(roomId).map((m) => m.body);
const history = async (t: TestApp, u: TestUser, roomId: string) => (await http(t.url, 'GET', `/rooms/${roomId}/messages?limit=200`, { token: u.token })).body.messages;

describe('ChatClient SDK against the real server (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let a: ChatClient, b: ChatClient;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    [a, b] = await Promise.all([sdkClient(t.url, alice), sdkClient(t.url, bob)]);
    roomId = (await a.actions.openDirect(bob.user.id)).id;
    await when(b, 'rooms', () => b.rooms.get(roomId) !== undefined && b.names.get(alice.user.id) === alice.user.username);
  });

  afterAll(async () => {
    [a, b].forEach((c) => c?.disconnect());
    await t?.app.close();
  });

  it('shows a sent message pending, then confirmed; the other side gets it once, and its unread count', async () => {
    const states = stateLog(a);
    const sent = a.send(roomId, 'hello bob');
    expect(sent.state).toBe('pending');
    await when(a, 'messages', () => a.messages(roomId).find((m) => m.tempId === sent.tempId)?.state === 'confirmed');
    expect(states.get(sent.tempId)).toEqual(['pending', 'confirmed']);
    await when(b, 'messages', () => b.messages(roomId).some((m) => m.tempId === sent.tempId && m.state === 'confirmed'));
    expect(bodies(b, roomId)).toEqual(['hello bob']);
    expect(b.rooms.get(roomId)?.unread).toBe(1);
    await b.markRead(roomId);
    expect(b.rooms.get(roomId)?.unread).toBe(0);
  });

  it('times out while offline, resends the same tempId on reconnect, and ends saved exactly once', async () => {
    const slow = await sdkClient(t.url, alice, 300);
    try {
      slow.disconnect();
      const sent = slow.send(roomId, 'written offline');
      await when(slow, 'messages', () => slow.messages(roomId).find((m) => m.tempId === sent.tempId)?.state === 'timeout');
      await slow.connect();
      await when(slow, 'messages', () => slow.messages(roomId).find((m) => m.tempId === sent.tempId)?.state === 'confirmed');
      await when(b, 'messages', () => bodies(b, roomId).includes('written offline'));
      expect((await history(t, alice, roomId)).filter((m: any) => m.tempId === sent.tempId)).toHaveLength(1);
    } finally {
      slow.disconnect();
    }
  });

  it('resends a message whose answer was lost with the connection: saved and shown exactly once', async () => {
    const sent = a.send(roomId, 'answer lost');
    // The packet is already written to the websocket; closing now loses the ack, not the message.
    a.connectedSocket()?.io.engine.close();
    await when(a, 'messages', () => a.messages(roomId).find((m) => m.tempId === sent.tempId)?.state === 'confirmed', 15000);
    await when(b, 'messages', () => b.messages(roomId).some((m) => m.tempId === sent.tempId && m.state === 'confirmed'));
    expect(a.messages(roomId).filter((m) => m.tempId === sent.tempId)).toHaveLength(1);
    expect(b.messages(roomId).filter((m) => m.tempId === sent.tempId)).toHaveLength(1);
    expect((await history(t, alice, roomId)).filter((m: any) => m.tempId === sent.tempId)).toHaveLength(1);
  });

  it('fills what it missed while disconnected with sync, once each, in seq order', async () => {
    b.disconnect();
    const missed = ['missed 1', 'missed 2', 'missed 3'].map((body) => a.send(roomId, body));
    await when(a, 'messages', () => missed.every((s) => a.messages(roomId).find((m) => m.tempId === s.tempId)?.state === 'confirmed'));
    await b.connect();
    await when(b, 'messages', () => ['missed 1', 'missed 2', 'missed 3'].every((body) => bodies(b, roomId).includes(body)));
    const seqs = b.messages(roomId).map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x! - y!));
    expect(new Set(b.messages(roomId).map((m) => m.tempId)).size).toBe(b.messages(roomId).length);
    expect(b.messages(roomId).map((m) => m._id)).toEqual((await history(t, bob, roomId)).map((m: any) => m._id));
  });

  it('detects a gap in the live seqs and fills it with sync', async () => {
    // Unsubscribed for a moment, Bob's socket misses one live message; the next one reveals the gap.
    expect(await b.connectedSocket()!.emitWithAck('leaveRoom', { roomId })).toMatchObject({ success: true });
    const missed = a.send(roomId, 'missed live');
    await when(a, 'messages', () => a.messages(roomId).find((m) => m.tempId === missed.tempId)?.state === 'confirmed');
    expect(await b.connectedSocket()!.emitWithAck('joinRoom', { roomId })).toMatchObject({ success: true });
    a.send(roomId, 'after the gap');
    await when(b, 'messages', () => bodies(b, roomId).includes('missed live') && bodies(b, roomId).includes('after the gap'));
    expect(bodies(b, roomId).slice(-2)).toEqual(['missed live', 'after the gap']);
  });

  it('orders messages sent from both sides at once by seq, on both sides, as the server stores them', async () => {
    for (let i = 0; i < 15; i++) {
      a.send(roomId, `a${i}`);
      b.send(roomId, `b${i}`);
    }
    const done = (c: ChatClient) => c.messages(roomId).filter((m) => /^[ab]\d+$/.test(m.body)).length === 30 && c.messages(roomId).every((m) => m.state === 'confirmed');
    await Promise.all([when(a, 'messages', () => done(a)), when(b, 'messages', () => done(b))]);
    const stored = (await history(t, alice, roomId)).map((m: any) => m._id);
    expect(b.messages(roomId).map((m) => m._id)).toEqual(stored);
    expect(a.messages(roomId).slice(-30).map((m) => m._id)).toEqual(stored.slice(-30));
  });

  it('reports a refused token as unauthorized, so an app can ask to sign in again', async () => {
    const refused = new ChatClient({ url: t.url, token: 'not-a-token' });
    const told = new Promise<void>((resolve) => refused.on('unauthorized', resolve));
    await expect(refused.connect()).rejects.toThrow('unauthorized');
    await told;
    refused.disconnect();
  });

  it('pages older history with before=, oldest first, without duplicates', async () => {
    const fresh = await sdkClient(t.url, bob);
    try {
      expect(await fresh.loadOlder(roomId, 10)).toBe(true);
      expect(fresh.messages(roomId)).toHaveLength(10);
      while (await fresh.loadOlder(roomId, 10));
      expect(fresh.messages(roomId).map((m) => m._id)).toEqual((await history(t, bob, roomId)).map((m: any) => m._id));
    } finally {
      fresh.disconnect();
    }
  });
});

describe('ChatClient SDK under the rate limit (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_SEC: '2' });
  });
  afterAll(() => t?.app.close());

  it('shows a refused send as failed (RATE.LIMITED); retry() sends the same tempId and succeeds', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const a = await sdkClient(t.url, alice);
    try {
      const sent = [1, 2, 3].map((i) => a.send(roomId, `burst ${i}`));
      const last = () => a.messages(roomId).find((m) => m.tempId === sent[2].tempId)!;
      await when(a, 'messages', () => last().state === 'failed');
      expect(last().error).toMatchObject({ code: 'RATE.LIMITED' });
      // The bucket refills at 2/s: retry whenever the last attempt was refused, until one passes.
      const off = a.on('messages', () => last().state === 'failed' && a.retry(roomId, sent[2].tempId));
      a.retry(roomId, sent[2].tempId);
      await when(a, 'messages', () => last().state === 'confirmed', 10000);
      off();
      expect((await history(t, alice, roomId)).map((m: any) => m.tempId)).toEqual(sent.map((s) => s.tempId));
    } finally {
      a.disconnect();
    }
  });
});
