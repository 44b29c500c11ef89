import { openDirect, registerUser } from './support/http';
import { startApp } from './support/harness';
import { rawClient, stopReading } from './support/raw-client';
import { ack, connect, next } from './support/sockets';

// Each cap on its own: the other is far out of reach, so only the one named can close the connection.
const CAPS = [
  ['MAX_QUEUED_PACKETS', { MAX_QUEUED_PACKETS: '20' }],
  ['MAX_QUEUED_BYTES', { MAX_QUEUED_PACKETS: '1000000', MAX_QUEUED_BYTES: '1048576' }],
] as const;

describe('Slow consumers (e2e)', () => {
  it.each(CAPS)('closes a connection that stops reading once its unsent data passes %s; others carry on', async (_cap, env) => {
    const t = await startApp({ ...env, MAX_MESSAGE_LENGTH: '100000', MAX_HTTP_BUFFER_SIZE: '1000000' });
    try {
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
    } finally {
      await t.app.close();
    }
  });
});
