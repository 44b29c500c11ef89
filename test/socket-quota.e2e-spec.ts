import { SocketQuota } from '../src/presence/socket-quota';
import { registerUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { connect, connectError, until } from './support/sockets';

describe('Sockets per user (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ MAX_SOCKETS_PER_USER: '3' });
  });
  afterAll(() => t?.app.close());

  it('refuses a connect beyond MAX_SOCKETS_PER_USER at the handshake, and frees a place when a socket closes', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const tabs = [await connect(t.url, alice.token), await connect(t.url, alice.token), await connect(t.url, alice.token)];

    const refused = await connectError(t.url, { token: alice.token });
    expect(refused.message).toBe('too many connections');
    expect(refused.data).toMatchObject({ code: 'RATE.LIMITED' });
    // The cap is per user: another account still connects.
    const other = await connect(t.url, bob.token);

    const quota = t.app.get(SocketQuota);
    expect(await quota.count(alice.user.id)).toBe(3);
    tabs.shift()!.close();
    await until(async () => (await quota.count(alice.user.id)) === 2);
    tabs.push(await connect(t.url, alice.token));
    // A refused handshake took no place: the cap is reached again at exactly three.
    expect((await connectError(t.url, { token: alice.token })).message).toBe('too many connections');
    expect(await quota.count(alice.user.id)).toBe(3);

    for (const tab of [...tabs, other]) tab.close();
    await until(async () => (await quota.count(alice.user.id)) + (await quota.count(bob.user.id)) === 0);
  });

  it('refuses concurrent connects past the cap: exactly three of ten get in', async () => {
    const carol = await registerUser(t.url, 'carol');
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, () => connect(t.url, carol.token)));
    const connected = attempts.filter((a) => a.status === 'fulfilled').map((a) => a.value);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => (a.reason as Error).message);
    expect(connected).toHaveLength(3);
    expect(refused).toEqual(Array(7).fill('too many connections'));
    for (const socket of connected) socket.close();
  });
});
