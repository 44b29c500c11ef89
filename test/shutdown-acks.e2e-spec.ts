import { openDirect, registerUser } from './support/http';
import { tempDbPath } from './support/harness';
import { spawnServer } from './support/server-process';
import { holdWriteLock } from './support/sqlite-lock';
import { Client, connect } from './support/sockets';

const SOCKETS = 4;
const WINDOW = 25; // sends in flight per socket, so many are mid-handler when the signal lands
const MAX_SENDS = 1500; // per socket: bounds the burst if the server never stops

interface Tally { success: number; busy: number; other: string[]; timedOut: number; disconnected: number }

/** Keeps WINDOW sends in flight on one socket until it disconnects; tallies how each ended. */
function pump(socket: Client, roomId: string, tally: Tally, onAnswer: () => void): Promise<void> {
  return new Promise((done) => {
    let sent = 0, open = 0;
    const more = () => {
      while (socket.connected && open < WINDOW && sent < MAX_SENDS) send(sent++);
      if (open === 0) done();
    };
    const send = (i: number) => {
      open++;
      socket.timeout(8000).emitWithAck('roomMessage', { roomId, body: `m ${i}`, tempId: `${socket.id}-${i}` }).then(
        (res: any) => {
          if (res.success) tally.success++;
          else if (res.error?.code === 'SERVER.BUSY' && res.error.retryAfterMs > 0) tally.busy++;
          else tally.other.push(JSON.stringify(res));
          onAnswer();
        },
        // socket.io-client fails pending acks at once on disconnect; only a silent server times out.
        (err: Error) => (/timed out/.test(err.message) ? tally.timedOut++ : tally.disconnected++),
      ).finally(() => {
        open--;
        setImmediate(more);
      });
    };
    more();
  });
}

// Sends the server never read (still on the wire at the close) fail with "disconnected": allowed.
describe('SIGTERM answers every send (e2e, built server process)', () => {
  it('answers each send of a burst around the signal (success or SERVER.BUSY), none with silence', async () => {
    const env = { SQLITE_PATH: tempDbPath(), RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SEC: '100000', EVENT_BUDGET_BURST: '100000', EVENT_BUDGET_PER_SEC: '100000' };
    const server = await spawnServer(env);
    const [alice, bob] = await Promise.all([registerUser(server.url, 'alice'), registerUser(server.url, 'bob')]);
    const roomId = await openDirect(server.url, alice, bob);
    const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => connect(server.url, alice.token)));
    const tally: Tally = { success: 0, busy: 0, other: [], timedOut: 0, disconnected: 0 };
    let answered = 0;
    const signalAt = 300;
    try {
      // Another process holds the write lock for a moment when the signal lands, so the stop's
      // drain takes that long and sends keep arriving meanwhile, however fast or loaded the machine.
      const stop = () => void holdWriteLock(env.SQLITE_PATH, 1000).then(() => server.child.kill('SIGTERM'));
      await Promise.all(sockets.map((s) => pump(s, roomId, tally, () => ++answered === signalAt && stop())));
      const exit = await server.exited;
      const [, received, serverAnswered] = /stopped: (\d+) events with an ack received, (\d+) answered/.exec(server.output()) ?? [];
      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect(tally.other).toEqual([]);
      expect(tally.timedOut).toBe(0);
      // Every send the server read was answered, and every answer reached its client before the close.
      expect(Number(serverAnswered)).toBe(Number(received));
      expect(tally.success + tally.busy).toBe(Number(received));
      expect(tally.success).toBeGreaterThanOrEqual(signalAt - SOCKETS * WINDOW);
      // Sends kept arriving while the server stopped: some of them were refused, not dropped.
      expect(tally.busy).toBeGreaterThan(0);
    } finally {
      sockets.forEach((s) => s.close());
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
    }
  }, 60_000);
});
