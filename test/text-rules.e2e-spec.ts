import { barrier } from './support/barrier';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record, until } from './support/sockets';

const LONE_HIGH = 'a\ud83d';
const LONE_LOW = '\ude00b';

describe('Text rules: well-formed text, lengths in code points (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let a1: Client, b1: Client;
  let roomId: string, channelId: string;
  let toBob: Array<[string, any]>;

  beforeAll(async () => {
    t = await startApp({ MAX_MESSAGE_LENGTH: '10' });
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    roomId = await openDirect(t.url, alice, bob);
    [a1, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    channelId = (await ack(a1, 'createChannel', { name: 'text-rules', memberIds: [bob.user.id] })).channel.id;
    toBob = record(b1);
  });

  afterAll(async () => {
    a1?.close();
    b1?.close();
    await t?.app.close();
  });

  const history = async (room: string) => (await http(t.url, 'GET', `/rooms/${room}/messages`, { token: bob.token })).body.messages.map((m: any) => m.body);
  const delivered = (event: string) => toBob.filter(([e]) => e === event).map(([, m]) => m.body);

  it.each([
    ['roomMessage', () => ({ roomId })],
    ['NEW_MESSAGE', () => ({ channelId })],
  ])('%s: refuses a body with an unpaired surrogate, delivers and stores nothing', async (event, target) => {
    for (const body of [LONE_HIGH, LONE_LOW]) {
      const res = await ack(a1, event, { ...target(), body });
      expect(res).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED', details: [{ field: 'body', errors: ['body must not contain unpaired surrogates'] }] } });
    }
    await barrier(t.url, a1, alice, b1, bob);
    expect([...delivered('roomMessageRecieved'), ...delivered('NEW_MESSAGE_RECEIVED')]).not.toContain(LONE_HIGH);
    expect(await history(roomId)).not.toContain(LONE_HIGH);
    expect(await history(channelId)).toEqual([]);
  });

  it.each([
    ['roomMessage', 'roomMessageRecieved', () => ({ roomId })],
    ['NEW_MESSAGE', 'NEW_MESSAGE_RECEIVED', () => ({ channelId })],
  ])('%s: counts emoji as one character each, at the limit and past it', async (event, received, target) => {
    const atLimit = '😀'.repeat(10);
    const got = next(b1, received, (m) => m.body === atLimit);
    expect(await ack(a1, event, { ...target(), body: atLimit })).toMatchObject({ success: true });
    expect((await got).body).toBe(atLimit);
    const over = await ack(a1, event, { ...target(), body: '😀'.repeat(11) });
    expect(over).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED', details: [{ field: 'body', errors: ['body must be at most 10 characters'] }] } });
    const room = event === 'roomMessage' ? roomId : channelId;
    // Saved after the ack (optimistic delivery): wait for the store, then compare the copies.
    await until(async () => (await history(room)).includes(atLimit));
    expect((await history(room)).filter((b: string) => b.startsWith('😀'))).toEqual([atLimit]);
  });

  it('channel names and descriptions: code points, and no unpaired surrogates', async () => {
    const name = '🚀'.repeat(80);
    const description = '💬'.repeat(500);
    expect(await ack(a1, 'createChannel', { name, description })).toMatchObject({ success: true, channel: { name, description } });
    for (const bad of [{ name: '🚀'.repeat(81) }, { name: LONE_HIGH }, { name: 'ok-name', description: '💬'.repeat(501) }, { name: 'ok-name', description: LONE_LOW }]) {
      expect(await ack(a1, 'createChannel', bad)).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    }
    const rest = await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: `x${LONE_LOW}` } });
    expect(rest.status).toBe(400);
    expect(rest.body.code).toBe('VALIDATION.FAILED');
  });
});
