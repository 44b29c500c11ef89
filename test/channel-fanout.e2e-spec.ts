import { http, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect } from './support/sockets';

describe('Channel fan-out under concurrent senders (e2e)', () => {
  let t: TestApp;
  let users: TestUser[];
  let sockets: Client[];

  beforeAll(async () => {
    t = await startApp();
    users = await Promise.all(Array.from({ length: 50 }, (_, i) => registerUser(t.url, `m${i}`)));
    sockets = await Promise.all(users.map((u) => connect(t.url, u.token)));
  });

  afterAll(async () => {
    sockets?.forEach((s) => s.close());
    await t?.app.close();
  });

  it('delivers every one of 200 concurrent messages exactly once to each of 50 sockets, in seq order, and stores exactly those', async () => {
    const [owner, ...rest] = users;
    const channel = await http(t.url, 'POST', '/channels', { token: owner.token, body: { name: 'crowd', memberIds: rest.map((u) => u.user.id) } });
    expect(channel.status).toBe(201);
    const channelId = channel.body.id;

    const seen = sockets.map(() => [] as Array<{ tempId: string; seq: number }>);
    const allArrived = Promise.all(
      sockets.map((s, i) => new Promise<void>((resolve) => {
        const keep = (m: any) => {
          if (m.channelId === channelId && seen[i].push({ tempId: m.tempId, seq: m.seq }) === 200) resolve();
        };
        s.on('NEW_MESSAGE_RECEIVED', keep);
        s.on('channelMessageSent', keep);
      })),
    );
    const allConfirmed = Promise.all(sockets.map((s) => new Promise((resolve) => {
      let n = 0;
      s.on('channelMessageConfirmed', (c) => c.channelId === channelId && ++n === 200 && resolve(n));
    })));

    const senders = sockets.slice(0, 20);
    const acks = await Promise.all(
      senders.flatMap((s, i) => Array.from({ length: 10 }, (_, k) => ack(s, 'NEW_MESSAGE', { channelId, body: `from ${i} #${k}`, tempId: `s${i}-${k}` }))),
    );
    expect(acks.every((a) => a.success)).toBe(true);
    expect(acks.map((a) => a.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));

    await allArrived;
    // Confirmations come after every delivery of a batch: anything extra would be here by then.
    await allConfirmed;
    const expected = acks.map((a) => a.tempId).sort();
    for (const list of seen) {
      expect(list).toHaveLength(200);
      expect(list.map((m) => m.tempId).sort()).toEqual(expected);
      expect(list.map((m) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    }

    const page = await http(t.url, 'GET', `/rooms/${channelId}/messages?limit=200`, { token: users[49].token });
    expect(page.body.hasMore).toBe(false);
    expect(page.body.messages.map((m: any) => m.tempId).sort()).toEqual(expected);
    expect(page.body.messages.map((m: any) => m.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });
});
