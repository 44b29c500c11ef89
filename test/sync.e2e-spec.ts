import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, TestApp } from './support/harness';
import { ack, Client, connect, next, record } from './support/sockets';

type Room = { roomId: string; messages: any[]; lastSeq: number; hasMore: boolean };

/** Every message of a room after `afterSeq`, paging with hasMore as a client does; also the pages' sizes. */
async function syncAll(socket: Client, roomId: string, afterSeq: number, limit: number): Promise<{ messages: any[]; pages: number[] }> {
  const messages: any[] = [];
  const pages: number[] = [];
  for (let after = afterSeq, more = true; more; ) {
    const res = await ack(socket, 'sync', { rooms: [{ roomId, afterSeq: after }], limit });
    const room: Room = res.rooms[0];
    messages.push(...room.messages);
    pages.push(room.messages.length);
    more = room.hasMore;
    after = room.messages.at(-1)?.rev ?? after;
  }
  return { messages, pages };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('sync: catch-up of the room stream (e2e)', () => {
  const apps: TestApp[] = [];
  const sockets: Client[] = [];
  let t: TestApp, alice: TestUser, bob: TestUser, carol: TestUser, dm: string, channelId: string;
  const open = async (user: TestUser, app = t) => {
    const socket = await connect(app.url, user.token);
    sockets.push(socket);
    return socket;
  };
  const send = (socket: Client, roomId: string, body: string, tempId?: string) => ack(socket, 'roomMessage', { roomId, body, tempId });

  beforeAll(async () => {
    t = await startApp();
    apps.push(t);
    [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map((n) => registerUser(t.url, n)));
    dm = await openDirect(t.url, alice, bob);
    channelId = (await http(t.url, 'POST', '/channels', { token: alice.token, body: { name: 'sync-club', memberIds: [bob.user.id] } })).body.id;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(apps.map((a) => a.app.close().catch(() => undefined)));
  });

  it('shows a connected member consecutive positions, and one sync replays the 30 sent while they were offline, once each', async () => {
    const [a1, b1] = await Promise.all([open(alice), open(bob)]);
    const live = record(b1);
    const before = await Promise.all(range(1, 5).map((i) => send(a1, dm, `live ${i}`)));
    const ownConfirmed = next(b1, 'roomMessageConfirmed', (c) => c.tempId === 'bob-live');
    await send(b1, dm, 'bob live', 'bob-live');
    await ownConfirmed;
    const liveSeqs = live.filter(([e, p]) => ['roomMessageRecieved', 'roomMessageSent'].includes(e) && p.roomId === dm).map(([, p]) => p.seq);
    expect(liveSeqs).toEqual(range(1, 6));
    expect(before.map((a) => a.seq)).toEqual(range(1, 5));
    b1.close();

    // Saved in order: once the last is confirmed, all 30 come from the store.
    const lastConfirmed = next(a1, 'roomMessageConfirmed', (c) => c.tempId === 'last-one');
    const dmAcks = [];
    for (let i = 1; i <= 30; i++) dmAcks.push(await send(a1, dm, `missed ${i}`, i === 30 ? 'last-one' : undefined));
    const channelAcks = [];
    for (let i = 1; i <= 10; i++) channelAcks.push(await ack(a1, 'NEW_MESSAGE', { channelId, body: `in channel ${i}`, tempId: `c${i}` }));
    await lastConfirmed;

    const b2 = await open(bob);
    const res = await ack(b2, 'sync', { rooms: [{ roomId: dm, afterSeq: 6 }, { roomId: channelId, afterSeq: 0 }] });
    expect(res.success).toBe(true);
    const [dmRoom, channelRoom]: Room[] = res.rooms;
    const lastSeq = dmAcks[29].seq;
    expect(dmRoom).toMatchObject({ roomId: dm, hasMore: false, lastSeq });
    expect(dmRoom.messages.map((m) => m.seq)).toEqual(range(7, lastSeq));
    expect(dmRoom.messages.map((m) => m.seq)).toEqual(dmAcks.map((a) => a.seq));
    expect(channelRoom.messages.map((m) => m.tempId)).toEqual(range(1, 10).map((i) => `c${i}`));
    expect(channelRoom).toMatchObject({ roomId: channelId, hasMore: false, lastSeq: channelAcks[9].seq });
    expect(dmRoom.messages[0]).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/), roomId: dm, seq: 7, rev: 7, sender: alice.user, body: 'missed 1', tempId: expect.any(String), createdAt: expect.any(String),
    });
    expect(dmRoom.messages.every((m) => m.rev === m.seq && !m.isOptimistic)).toBe(true);

    // The same stream, ten at a time: nothing missing, nothing twice.
    const paged = await syncAll(b2, dm, 6, 10);
    expect(paged.messages.map((m) => m._id)).toEqual(dmRoom.messages.map((m) => m._id));
    expect(paged.pages).toEqual([10, 10, 10]);
  });

  it('replays accepted messages before their confirmation, as optimistic, then as saved under the same positions', async () => {
    const slow = await startApp({ PERSIST_FLUSH_MS: '2000', PERSIST_BATCH_SIZE: '1000' });
    apps.push(slow);
    const [x, y] = await Promise.all([registerUser(slow.url, 'xena'), registerUser(slow.url, 'yuri')]);
    const room = await openDirect(slow.url, x, y);
    const [x1, y1] = await Promise.all([open(x, slow), open(y, slow)]);
    const saved = await send(x1, room, 'saved first', 's0');
    await next(x1, 'roomMessageConfirmed', (c) => c.tempId === 's0', 10_000);
    const confirmed = next(y1, 'roomMessageConfirmed', (c) => c.tempId === 'o3', 10_000);
    const acks = [];
    for (const tempId of ['o1', 'o2', 'o3']) acks.push(await send(x1, room, `optimistic ${tempId}`, tempId));
    const early = (await ack(y1, 'sync', { rooms: [{ roomId: room, afterSeq: 0 }] })).rooms[0];
    expect(early.messages.map((m: any) => [m.seq, m._id, m.isOptimistic ?? false])).toEqual([
      [saved.seq, expect.stringMatching(/^[0-9a-f]{24}$/), false],
      ...acks.map((a) => [a.seq, a.tempId, true]),
    ]);
    expect(early.messages[1]).toEqual({ _id: 'o1', tempId: 'o1', roomId: room, seq: acks[0].seq, rev: acks[0].seq, sender: x.user, body: 'optimistic o1', createdAt: expect.any(String), isOptimistic: true });
    expect(early).toMatchObject({ lastSeq: acks[2].seq, hasMore: false });
    expect((await ack(y1, 'sync', { rooms: [{ roomId: room, afterSeq: acks[0].seq }], limit: 1 })).rooms[0].messages.map((m: any) => m.tempId)).toEqual(['o2']);

    await confirmed;
    const late = (await ack(y1, 'sync', { rooms: [{ roomId: room, afterSeq: 0 }] })).rooms[0];
    expect(late.messages.map((m: any) => [m.seq, m.tempId, m.isOptimistic ?? false])).toEqual([[saved.seq, 's0', false], ...acks.map((a) => [a.seq, a.tempId, false])]);
  }, 30_000);

  it('answers each room on its own: the member\'s rooms are served, others get ROOM.NOT_MEMBER or ROOM.NOT_FOUND', async () => {
    const c1 = await open(carol);
    const carolsDm = await openDirect(t.url, carol, alice);
    await send(c1, carolsDm, 'hello alice');
    const res = await ack(c1, 'sync', { rooms: [{ roomId: dm, afterSeq: 0 }, { roomId: carolsDm, afterSeq: 0 }, { roomId: channelId, afterSeq: 0 }, { roomId: 'no-such-room', afterSeq: 0 }] });
    expect(res.success).toBe(true);
    expect(res.rooms).toEqual([
      { roomId: dm, error: { code: 'ROOM.NOT_MEMBER', message: expect.any(String) } },
      { roomId: carolsDm, messages: [expect.objectContaining({ seq: 1, body: 'hello alice' })], lastSeq: 1, hasMore: false },
      { roomId: channelId, error: { code: 'ROOM.NOT_MEMBER', message: expect.any(String) } },
      { roomId: 'no-such-room', error: { code: 'ROOM.NOT_FOUND', message: expect.any(String) } },
    ]);
  });

  it('refuses malformed payloads with VALIDATION.FAILED, and clamps a large limit', async () => {
    const b = await open(bob);
    const tooMany = Array.from({ length: 501 }, () => ({ roomId: dm, afterSeq: 0 }));
    const bad = [undefined, 'sync', {}, { rooms: [] }, { rooms: 'x' }, { rooms: [{ roomId: dm }] }, { rooms: [{ roomId: dm, afterSeq: -1 }] },
      { rooms: [{ roomId: dm, afterSeq: 1.5 }] }, { rooms: [{ roomId: 7, afterSeq: 0 }] }, { rooms: [dm] }, { rooms: tooMany },
      { rooms: [{ roomId: dm, afterSeq: 0 }], limit: 0 }, { rooms: [{ roomId: dm, afterSeq: 0 }], limit: 2.5 }, { rooms: [{ roomId: dm, afterSeq: 0, extra: 1 }] }];
    for (const payload of bad) {
      expect([payload, await ack(b, 'sync', payload)]).toEqual([payload, { success: false, error: expect.objectContaining({ code: 'VALIDATION.FAILED' }) }]);
    }
    const clamped = await ack(b, 'sync', { rooms: [{ roomId: dm, afterSeq: 0 }], limit: 100_000 });
    expect(clamped).toMatchObject({ success: true, rooms: [{ roomId: dm, hasMore: false }] });
  });

  it('after a restart answers from the store, lastSeq included', async () => {
    const before = (await ack(await open(bob), 'sync', { rooms: [{ roomId: dm, afterSeq: 0 }] })).rooms[0];
    await t.app.close();
    const again = await startApp({ SQLITE_PATH: t.sqlitePath });
    apps.push(again);
    const after = (await ack(await open(bob, again), 'sync', { rooms: [{ roomId: dm, afterSeq: 0 }] })).rooms[0];
    expect(after).toEqual(before);
    expect(after.lastSeq).toBe(after.messages.at(-1).seq);
  });
});
