import { http, openDirect, registerUser } from './support/http';
import { tempDbPath } from './support/harness';
import { spawnServer } from './support/server-process';
import { connect } from './support/sockets';

describe('Graceful shutdown (e2e, built server process)', () => {
  it.each(['optimistic', 'durable'])('loses no accepted message when SIGTERM arrives in the middle of a 500-message burst (%s)', async (mode) => {
    const sqlitePath = tempDbPath();
    const env = { SQLITE_PATH: sqlitePath, RATE_LIMIT_BURST: '10000', RATE_LIMIT_PER_SEC: '10000', EVENT_BUDGET_BURST: '10000', EVENT_BUDGET_PER_SEC: '10000', DELIVERY_MODE: mode };
    const server = await spawnServer(env);
    const [alice, bob] = await Promise.all([registerUser(server.url, 'alice'), registerUser(server.url, 'bob')]);
    const roomId = await openDirect(server.url, alice, bob);
    const a1 = await connect(server.url, alice.token);

    const confirmed = new Set<string>();
    a1.on('roomMessageConfirmed', (c) => confirmed.add(c.tempId));
    const disconnected = new Promise((resolve) => a1.once('disconnect', resolve));
    const accepted = new Set<string>();
    let answered = 0;
    let signalled = false;
    const acks = Array.from({ length: 500 }, (_, i) =>
      a1.timeout(10_000).emitWithAck('roomMessage', { roomId, body: `burst ${i}`, tempId: `burst-${i}` }).then(
        (res: any) => {
          if (res.success) accepted.add(`burst-${i}`);
          else expect(res.error.code).toBe('SERVER.BUSY');
          if (++answered === 250 && !signalled) {
            signalled = true;
            server.child.kill('SIGTERM');
          }
        },
        () => undefined, // no answer: the connection closed first; such a send may or may not have been accepted
      ),
    );
    await Promise.all(acks);
    const exit = await server.exited;
    await disconnected;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(accepted.size).toBeGreaterThanOrEqual(250);
    // The last confirmations went out before the sockets closed.
    expect([...accepted].filter((id) => !confirmed.has(id))).toEqual([]);

    const again = await spawnServer(env);
    try {
      const login = await http(again.url, 'POST', '/auth/login', { body: { username: alice.user.username, password: 'correct horse battery' } });
      const stored: any[] = [];
      for (let after = 0, more = true; more; ) {
        const page = await http(again.url, 'GET', `/rooms/${roomId}/messages?after=${after}&limit=200`, { token: login.body.accessToken });
        stored.push(...page.body.messages);
        more = page.body.hasMore;
        after = stored.at(-1)?.seq ?? after;
      }
      const storedIds = stored.map((m) => m.tempId);
      expect(new Set(storedIds).size).toBe(storedIds.length);
      expect([...accepted].filter((id) => !storedIds.includes(id))).toEqual([]);
      expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
      expect(stored.every((m) => m.body === `burst ${m.tempId.slice(6)}`)).toBe(true);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  }, 60_000);
});
