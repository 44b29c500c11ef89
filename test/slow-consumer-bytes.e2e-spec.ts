import { openDirect, registerUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { rawClient, stopReading } from './support/raw-client';
import { ack, connect, next } from './support/sockets';

describe('Slow consumers, by bytes (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The packet cap is far out of reach: only the byte cap can close the connection.
    t = await startApp({ MAX_QUEUED_PACKETS: '1000000', MAX_QUEUED_BYTES: '1048576', MAX_MESSAGE_LENGTH: '100000', MAX_HTTP_BUFFER_SIZE: '1000000' });
  });
  afterAll(() => t?.app.close());

  it('closes a connection that stops reading once its unsent data passes MAX_QUEUED_BYTES; others carry on', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const a1 = await connect(t.url, alice.token);
    const frozen = await rawClient(t.url, bob.token);
    stopReading(frozen);
    let gone = false;
    const bobGone = next(a1, 'userOffline', (e) => e.userId === bob.user.id, 20_000).finally(() => (gone = true));
    const body = 'x'.repeat(60_000);
    let sent = 0;
    // 400 x 60 kB is 24 MB: past the kernel's socket buffers, far below 1,000,000 packets.
    for (; sent < 400 && !gone; sent++) {
      expect((await ack(a1, 'roomMessage', { roomId, body, tempId: `big-${sent}` })).success).toBe(true);
    }
    expect(await bobGone).toEqual({ userId: bob.user.id });
    expect(sent).toBeLessThan(400);
    expect(await ack(a1, 'roomMessage', { roomId, body: 'still here', tempId: 'after' })).toMatchObject({ success: true });
    frozen.terminate();
    a1.close();
  });
});
