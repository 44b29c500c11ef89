import { http, openDirect, registerUser } from './support/http';
import { tempDbPath } from './support/harness';
import { spawnServer } from './support/server-process';
import { ack, connect, next } from './support/sockets';

describe('Crash rule (e2e, built server process, kill -9)', () => {
  it('never hands a position out twice: unsaved messages lost to SIGKILL leave a hole, the next seq is above every acked one', async () => {
    // Nothing is flushed for 10 s: every message of the test is accepted, acked and still unsaved.
    const env = { SQLITE_PATH: tempDbPath(), PERSIST_FLUSH_MS: '10000', PERSIST_BATCH_SIZE: '10000' };
    const server = await spawnServer(env);
    const [alice, bob] = await Promise.all([registerUser(server.url, 'alice'), registerUser(server.url, 'bob')]);
    const roomId = await openDirect(server.url, alice, bob);
    const a1 = await connect(server.url, alice.token);
    const acked: number[] = [];
    for (let i = 0; i < 10; i++) acked.push((await ack(a1, 'roomMessage', { roomId, body: `lost ${i}`, tempId: `lost-${i}` })).seq);
    expect(acked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    server.child.kill('SIGKILL');
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' });
    a1.close();

    const again = await spawnServer({ SQLITE_PATH: env.SQLITE_PATH });
    try {
      const b1 = await connect(again.url, bob.token);
      const saved = next(b1, 'roomMessageConfirmed', (c) => c.tempId === 'after');
      const after = await ack(b1, 'roomMessage', { roomId, body: 'after the crash', tempId: 'after' });
      expect(after).toMatchObject({ success: true });
      expect(after.seq).toBeGreaterThan(Math.max(...acked));
      await saved;
      b1.close();
      const history = await http(again.url, 'GET', `/rooms/${roomId}/messages`, { token: bob.token });
      // The lost ones are gone (only confirmed messages survive a crash); their positions stay a hole.
      expect(history.body.messages.map((m: { seq: number; tempId: string }) => [m.seq, m.tempId])).toEqual([[after.seq, 'after']]);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 60_000);
});
