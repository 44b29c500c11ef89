import { NewChannel } from '../src/persistence/models';
import { RoomRepository, UserRepository } from '../src/persistence/ports';
import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, tempDbPath, TestApp } from './support/harness';
import { ack, Client, connect, next } from './support/sockets';

const CHANNELS = 300;
const MEMBERS = 50;
// 100 rooms with counts and no channel member lists: about 25 KB; with every memberId it was ~450 KB.
const READY_MAX_BYTES = 64 * 1024;

/** One page of a paged list: the body and the cursor of the next page, if any. */
async function page(url: string, path: string, token: string): Promise<{ status: number; body: any; next: string | null; link: string | null }> {
  const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json(), next: res.headers.get('x-next-cursor'), link: res.headers.get('link') };
}

describe('Bounded ready and paged room lists (e2e): a user in 300 channels of 50 members', () => {
  let t: TestApp;
  let me: TestUser, peer: TestUser;
  let channelIds: string[];
  let dm: string;
  const sockets: Client[] = [];

  beforeAll(async () => {
    t = await startApp({ SQLITE_PATH: tempDbPath() });
    [me, peer] = await Promise.all([registerUser(t.url, 'many'), registerUser(t.url, 'peer')]);
    // Seeded through the store: the REST route would (rightly) rate-limit 300 creations.
    const users = t.app.get(UserRepository);
    const crowd = await Promise.all(Array.from({ length: MEMBERS - 2 }, (_, i) => users.create({ username: `crowd_${process.pid}_${i}`, email: `crowd_${process.pid}_${i}@example.com`, passwordHash: 'x' })));
    const channel = (i: number): NewChannel => ({ name: `bounded-${process.pid}-${i}`, description: null, isPrivate: true, ownerId: peer.user.id, memberIds: [me.user.id, ...crowd.map((u) => u.id)] });
    channelIds = [];
    for (let i = 0; i < CHANNELS; i++) channelIds.push((await t.app.get(RoomRepository).createChannel(channel(i))).id);
    dm = await openDirect(t.url, me, peer);
  }, 60_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t.app.close();
  });

  it('sends a ready under the byte bound: the first 100 rooms, counts instead of channel members, roomsHasMore and a cursor', async () => {
    const p = await connect(t.url, peer.token);
    const m = await connect(t.url, me.token);
    sockets.push(p, m);
    expect(JSON.stringify(m.ready).length).toBeLessThan(READY_MAX_BYTES);
    expect(m.ready).toMatchObject({ roomsHasMore: true, roomsCursor: expect.any(String), online: [peer.user.id] });
    expect(m.ready.rooms).toHaveLength(100);
    // The DM was opened last, so it is on the first page, with both members.
    const direct = m.ready.rooms.find((r: any) => r.id === dm);
    expect(direct).toMatchObject({ kind: 'direct', memberCount: 2, lastSeq: 0, lastReadSeq: 0, unread: 0 });
    expect([...direct.memberIds].sort()).toEqual([me.user.id, peer.user.id].sort());
    const channels = m.ready.rooms.filter((r: any) => r.kind === 'channel');
    expect(channels.every((r: any) => r.memberCount === MEMBERS && !('memberIds' in r))).toBe(true);
  });

  it('pages GET /rooms to the end, every room exactly once, starting with ready\'s page', async () => {
    const seen: string[] = [];
    let path = '/rooms';
    for (let pages = 0; path; pages++) {
      expect(pages).toBeLessThan(10);
      const res = await page(t.url, path, me.token);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(100);
      if (pages === 0) expect(res.body.map((r: any) => r.id)).toEqual(sockets[1].ready.rooms.map((r: any) => r.id));
      seen.push(...res.body.map((r: any) => r.id));
      if (res.next) expect(res.link).toBe(`</rooms?limit=100&cursor=${res.next}>; rel="next"`);
      path = res.next ? `/rooms?cursor=${res.next}` : '';
    }
    expect(seen).toHaveLength(CHANNELS + 1);
    expect(new Set(seen)).toEqual(new Set([...channelIds, dm]));
    const big = await page(t.url, '/rooms?limit=200', me.token);
    expect(big.body).toHaveLength(200);
    expect(big.body.map((r: any) => r.id)).toEqual(seen.slice(0, 200));
  });

  it('refuses a bad cursor or limit with VALIDATION.FAILED', async () => {
    expect(await http(t.url, 'GET', '/rooms?cursor=bm90LWEtY3Vyc29y', { token: me.token })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await http(t.url, 'GET', '/rooms?limit=201', { token: me.token })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(await http(t.url, 'GET', `/channels/${channelIds[0]}/members?after=xyz`, { token: me.token })).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
  });

  it('delivers a message live in a room outside ready\'s page, which then leads the list', async () => {
    const [p, m] = sockets;
    const outside = channelIds.find((id) => !m.ready.rooms.some((r: any) => r.id === id))!;
    expect(outside).toBeDefined();
    const received = next(m, 'NEW_MESSAGE_RECEIVED', (msg) => msg.channelId === outside);
    expect(await ack(p, 'NEW_MESSAGE', { channelId: outside, body: 'far down the list' })).toMatchObject({ success: true });
    expect(await received).toMatchObject({ body: 'far down the list', sender: { id: peer.user.id } });
    await next(m, 'channelMessageConfirmed', (c) => c.channelId === outside);
    const first = await page(t.url, '/rooms?limit=1', me.token);
    expect(first.body[0]).toMatchObject({ id: outside, lastMessage: { body: 'far down the list' }, unreadCount: 1, memberCount: MEMBERS });
  });

  it('pages a channel\'s members with ?limit= and ?after=', async () => {
    const seen: string[] = [];
    let path = `/channels/${channelIds[0]}/members?limit=20`;
    while (path) {
      const res = await page(t.url, path, me.token);
      expect(res.status).toBe(200);
      expect(res.body.length).toBeLessThanOrEqual(20);
      seen.push(...res.body.map((mb: any) => mb.userId));
      path = res.next ? `/channels/${channelIds[0]}/members?limit=20&after=${res.next}` : '';
    }
    expect(seen).toHaveLength(MEMBERS);
    expect(new Set(seen).size).toBe(MEMBERS);
    expect(seen).toContain(me.user.id);
  });
});
