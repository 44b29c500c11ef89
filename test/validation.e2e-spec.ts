import { openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';

describe('Bad WebSocket input (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser;
  let a1: Client, b1: Client;
  let roomId: string;
  // Every event both sockets get, recorded from before the first bad payload is sent.
  let toAlice: Array<[string, any]>, toBob: Array<[string, any]>;

  beforeAll(async () => {
    t = await startApp({ MAX_MESSAGE_LENGTH: '100', MAX_HTTP_BUFFER_SIZE: '2048' });
    [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    roomId = await openDirect(t.url, alice, bob);
    [a1, b1] = await Promise.all([connect(t.url, alice.token), connect(t.url, bob.token)]);
    [toAlice, toBob] = [record(a1), record(b1)];
  });

  afterAll(async () => {
    a1?.close();
    b1?.close();
    await t?.app.close();
  });

  const badPayloads: Array<[string, () => unknown]> = [
    ['an empty object', () => ({})],
    ['a missing body', () => ({ roomId })],
    ['an empty body', () => ({ roomId, body: '' })],
    ['a whitespace body', () => ({ roomId, body: ' \n\t ' })],
    ['a number body', () => ({ roomId, body: 42 })],
    ['an object body', () => ({ roomId, body: { text: 'hi' } })],
    ['an array body', () => ({ roomId, body: ['hi'] })],
    ['an operator object as roomId', () => ({ roomId: { $ne: null }, body: 'hi' })],
    ['an extra field', () => ({ roomId, body: 'hi', admin: true })],
    ['a numeric tempId', () => ({ roomId, body: 'hi', tempId: 7 })],
    ['a body over the limit', () => ({ roomId, body: 'x'.repeat(101) })],
    ['a string payload', () => 'hello'],
    ['a number payload', () => 42],
    ['a null payload', () => null],
    ['an array payload', () => [roomId, 'hi']],
  ];

  it.each(badPayloads)('answers %s with VALIDATION.FAILED and delivers nothing', async (_name, payload) => {
    const res = await ack(a1, 'roomMessage', payload());
    expect(res).toEqual({ success: false, error: { code: 'VALIDATION.FAILED', message: expect.any(String), details: expect.any(Array) } });
    expect(res.error.details.length).toBeGreaterThan(0);
  });

  it('answers a missing payload (only an ack) with VALIDATION.FAILED', async () => {
    const res = await a1.timeout(5000).emitWithAck('roomMessage');
    expect(res).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
  });

  it('sends an exception event (with the event and tempId) when there is no ack', async () => {
    const exception = next(a1, 'exception');
    a1.emit('roomMessage', { roomId, body: '   ', tempId: 'no-ack-1' });
    expect(await exception).toEqual({
      event: 'roomMessage',
      tempId: 'no-ack-1',
      error: { code: 'VALIDATION.FAILED', message: expect.stringContaining('body'), details: [{ field: 'body', errors: expect.any(Array) }] },
    });
  });

  it('answers an unknown event that carries an ack instead of leaving it to time out', async () => {
    expect(await ack(a1, 'roomMesage', { roomId, body: 'typo' })).toEqual({ success: false, error: { code: 'VALIDATION.FAILED', message: 'unknown event "roomMesage"' } });
  });

  it('validates joinRoom and leaveRoom payloads too', async () => {
    for (const [event, payload] of [['joinRoom', {}], ['joinRoom', 'room'], ['leaveRoom', { roomId: 5 }], ['joinRoom', { roomId, x: 1 }]] as const) {
      expect(await ack(a1, event, payload)).toMatchObject({ success: false, error: { code: 'VALIDATION.FAILED' } });
    }
  });

  it('keeps the socket working after every bad payload, and delivered none of them', async () => {
    const got = next(b1, 'roomMessageRecieved', (m) => m.tempId === 'still-fine');
    expect(await ack(a1, 'roomMessage', { roomId, body: 'x'.repeat(100), tempId: 'still-fine' })).toMatchObject({ success: true });
    await got;
    const messages = (log: Array<[string, any]>, event: string) => log.filter(([name]) => name === event).map(([, m]) => m.body);
    expect(messages(toBob, 'roomMessageRecieved')).toEqual(['x'.repeat(100)]);
    expect(messages(toAlice, 'roomMessageSent')).toEqual(['x'.repeat(100)]);
  });

  it('drops a payload over maxHttpBufferSize by disconnecting only that client', async () => {
    const big = await connect(t.url, alice.token);
    const gone = next(big, 'disconnect');
    big.emit('roomMessage', { roomId, body: 'y'.repeat(10_000) });
    expect(await gone).toBe('transport close');
    const got = next(b1, 'roomMessageRecieved', (m) => m.tempId === 'after-big');
    expect(await ack(a1, 'roomMessage', { roomId, body: 'still here', tempId: 'after-big' })).toMatchObject({ success: true });
    await got;
  });
});
