import { http, openDirect, registerUser, TestUser } from './support/http';
import { startApp, tempDbPath, TestApp } from './support/harness';
import { sendSaved } from './support/send-saved';
import { ack, connect } from './support/sockets';

/** The DM's entry in the `ready` a fresh socket of `user` receives. */
async function readyRoom(t: TestApp, user: TestUser, roomId: string) {
  const socket = await connect(t.url, user.token);
  socket.close();
  return socket.ready.rooms.find((r: { id: string }) => r.id === roomId);
}

describe('ready.rooms[] counters, across a restart (e2e)', () => {
  const sqlitePath = tempDbPath();
  let t: TestApp | undefined;
  let dave: TestUser, erin: TestUser;
  let dm: string;

  beforeAll(async () => {
    t = await startApp({ SQLITE_PATH: sqlitePath });
    [dave, erin] = await Promise.all([registerUser(t.url, 'dave'), registerUser(t.url, 'erin')]);
    dm = await openDirect(t.url, dave, erin);
  });
  afterAll(() => t?.app.close());

  it('carries lastSeq, lastReadSeq and unread per room, and the same after the server restarts', async () => {
    const e1 = await connect(t!.url, erin.token);
    await sendSaved(e1, dm, 5);
    e1.close();
    expect((await http(t!.url, 'POST', `/rooms/${dm}/read`, { token: dave.token, body: { seq: 2 } })).body).toEqual({ roomId: dm, lastReadSeq: 2, unread: 3 });
    const before = { dave: await readyRoom(t!, dave, dm), erin: await readyRoom(t!, erin, dm) };
    expect(before.dave).toMatchObject({ id: dm, kind: 'direct', lastSeq: 5, lastReadSeq: 2, unread: 3 });
    // Her own messages are never unread to her.
    expect(before.erin).toMatchObject({ id: dm, lastSeq: 5, lastReadSeq: 0, unread: 0 });

    await t!.app.close();
    t = undefined;
    t = await startApp({ SQLITE_PATH: sqlitePath });
    expect(await readyRoom(t, dave, dm)).toEqual(before.dave);
    expect(await readyRoom(t, erin, dm)).toEqual(before.erin);

    // No message sent since the restart: the clamp falls back to the highest saved seq.
    const d1 = await connect(t.url, dave.token);
    expect(await ack(d1, 'markRead', { roomId: dm, seq: 1e308 })).toEqual({ success: true, roomId: dm, lastReadSeq: 5, unread: 0 });
    d1.close();
    expect(await readyRoom(t, dave, dm)).toMatchObject({ lastSeq: 5, lastReadSeq: 5, unread: 0 });
  });

  it('counts a message sent after the restart (a clean stop gave its unused positions back: no hole)', async () => {
    const e1 = await connect(t!.url, erin.token);
    await sendSaved(e1, dm, 1);
    e1.close();
    expect(await readyRoom(t!, dave, dm)).toMatchObject({ lastSeq: 6, lastReadSeq: 5, unread: 1 });
    expect(await readyRoom(t!, erin, dm)).toMatchObject({ lastSeq: 6, lastReadSeq: 0, unread: 0 });
  });
});
