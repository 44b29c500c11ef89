import { io } from 'socket.io-client';
import { PresenceService } from '../src/presence/presence.service';
import { openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { Client, connect, next, record, until } from './support/sockets';

describe('Presence (e2e)', () => {
  let t: TestApp;
  let alice: TestUser, bob: TestUser, carol: TestUser;
  let a1: Client, c1: Client;

  beforeAll(async () => {
    t = await startApp();
    [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(t.url, n)));
    await openDirect(t.url, alice, bob);
    [a1, c1] = await Promise.all([connect(t.url, alice.token), connect(t.url, carol.token)]);
  });

  afterAll(async () => {
    a1?.close();
    c1?.close();
    await t?.app.close();
  });

  it('announces the first socket up and the last socket down, to members of shared rooms only', async () => {
    const aliceLog = record(a1);
    const carolLog = record(c1);
    const online = next(a1, 'userOnline');
    const b1 = await connect(t.url, bob.token);
    expect(await online).toEqual({ userId: bob.user.id });
    expect(b1.ready.online).toEqual([alice.user.id]);
    const b2 = await connect(t.url, bob.token);
    b1.close();
    // b2 is still up: no userOffline yet. Closing it is the last socket down.
    const offline = next(a1, 'userOffline');
    b2.close();
    expect(await offline).toEqual({ userId: bob.user.id });
    const presenceEvents = aliceLog.filter(([e]) => e === 'userOnline' || e === 'userOffline');
    expect(presenceEvents).toEqual([['userOnline', { userId: bob.user.id }], ['userOffline', { userId: bob.user.id }]]);
    expect(carolLog.filter(([e]) => e.startsWith('user'))).toEqual([]);
  });

  it('leaves every map empty after 10,000 connect/disconnect cycles', async () => {
    const presence = t.app.get(PresenceService);
    const users = await Promise.all(Array.from({ length: 5 }, () => registerUser(t.url, 'cycler')));
    const cycles = 10_000;
    const concurrency = 50;
    let started = 0;
    const worker = async (w: number) => {
      while (started < cycles) {
        // Every other cycle hangs up before `ready`, racing the server's connection setup.
        const early = ++started % 2 === 0;
        const token = users[w % users.length].token;
        const socket = early ? io(t.url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false }) : await connect(t.url, token, 10_000);
        if (early) await next(socket, 'connect', () => true, 10_000);
        const closed = next(socket, 'disconnect');
        socket.close();
        await closed;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
    // Disconnects are handled asynchronously server-side: wait for the last ones to land.
    await until(async () => (await presence.stats()).sockets === 2, 10_000);
    expect(await presence.stats()).toEqual({ users: 2, sockets: 2, rooms: 1 });
    a1.close();
    c1.close();
    await until(async () => (await presence.stats()).sockets === 0);
    expect(await presence.stats()).toEqual({ users: 0, sockets: 0, rooms: 0 });
  }, 120_000);
});
