import WebSocket from 'ws';
import { openDirect, registerUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, connect, next } from './support/sockets';

/** A raw Socket.IO v4 client over a plain WebSocket, so the test can stop reading from the TCP socket. */
function rawClient(url: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  return new Promise((resolve, reject) => {
    ws.on('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (text.startsWith('42["ready"')) resolve(ws);
    });
  });
}

describe('Slow consumers (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ MAX_QUEUED_PACKETS: '20', MAX_MESSAGE_LENGTH: '100000', MAX_HTTP_BUFFER_SIZE: '1000000' });
  });
  afterAll(() => t?.app.close());

  it('closes a connection that stops reading once its unsent queue passes MAX_QUEUED_PACKETS; others carry on', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const a1 = await connect(t.url, alice.token);
    const frozen = await rawClient(t.url, bob.token);
    // The tab freezes: nothing more is read, so the kernel buffers fill and then the server's queue grows.
    (frozen as unknown as { _socket: { pause(): void } })._socket.pause();
    let gone = false;
    const bobGone = next(a1, 'userOffline', (e) => e.userId === bob.user.id, 20_000).finally(() => (gone = true));
    const body = 'x'.repeat(60_000);
    for (let i = 0; i < 400 && !gone; i++) {
      expect((await ack(a1, 'roomMessage', { roomId, body, tempId: `big-${i}` })).success).toBe(true);
    }
    expect(await bobGone).toEqual({ userId: bob.user.id });
    expect(await ack(a1, 'roomMessage', { roomId, body: 'still here', tempId: 'after' })).toMatchObject({ success: true });
    frozen.terminate();
    a1.close();
  });
});
