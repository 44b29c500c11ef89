import type { ChatClient } from '../client/src/sdk';
import type { TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { bodies, history, sdkClient, sdkPair, when } from './support/sdk';

describe('ChatClient SDK: catch-up, order and history, against the real server (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let a: ChatClient, b: ChatClient;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    ({ alice, bob, a, b, roomId } = await sdkPair(t.url));
  });

  afterAll(async () => {
    [a, b].forEach((c) => c?.disconnect());
    await t?.app.close();
  });

  it('fills what it missed while disconnected with sync, once each, in seq order', async () => {
    // Bob follows the room (he holds its latest message), then loses the connection.
    a.send(roomId, 'before the break');
    await when(b, 'messages', () => bodies(b, roomId).includes('before the break'));
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
