import { ChatClient } from '../client/src/sdk';
import { openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { bodies, history, sdkClient, sdkPair, stateLog, when } from './support/sdk';

describe('ChatClient SDK: message states and resends, against the real server (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;
  let a: ChatClient, b: ChatClient;
  let roomId: string;

  beforeAll(async () => {
    t = await startApp();
    ({ alice, a, b, roomId } = await sdkPair(t.url));
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

  it('reports a refused token as unauthorized, so an app can ask to sign in again', async () => {
    const refused = new ChatClient({ url: t.url, token: 'not-a-token' });
    const told = new Promise<void>((resolve) => refused.on('unauthorized', resolve));
    await expect(refused.connect()).rejects.toThrow('unauthorized');
    await told;
    refused.disconnect();
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
