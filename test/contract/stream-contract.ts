import { NewMessage } from '../../src/persistence/models';
import type { Store } from './repository-contract';

let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}s${++n}`;

/** The room stream (DESIGN.md 10): rev, catch-up by rev, the highest stored seq. Runs inside the repository contract. */
export function streamContract(store: () => Store): void {
  const room = async () => {
    const [a, b] = await Promise.all(['a', 'b'].map((p) => store().users.create({ username: unique(p), email: `${unique(p)}@example.com`, passwordHash: 'h' })));
    return { sender: a, roomId: (await store().rooms.findOrCreateDirect(a.id, b.id)).room.id };
  };
  const message = (roomId: string, senderId: string, seq: number): NewMessage =>
    ({ roomId, senderId, seq, tempId: unique('t'), body: `body ${seq}`, createdAt: new Date(1_700_000_000_000 + seq) });

  it('saves a new message with rev = seq; history carries it', async () => {
    const { sender, roomId } = await room();
    await store().messages.insertMany([message(roomId, sender.id, 1), message(roomId, sender.id, 2)]);
    const history = await store().messages.history(roomId, { limit: 10 });
    expect(history.messages.map((m) => [m.seq, m.rev])).toEqual([[1, 1], [2, 2]]);
  });

  it('pages the messages changed after a position, ascending by rev, with hasMore and the highest stored seq', async () => {
    const { sender, roomId } = await room();
    // A hole at 4 (a lost optimistic message) is skipped, never filled.
    await store().messages.insertMany([1, 2, 3, 5, 6, 7].map((seq) => message(roomId, sender.id, seq)));
    const revs = (p: { messages: { rev: number }[] }) => p.messages.map((m) => m.rev);
    const first = await store().messages.stream(roomId, 0, 4);
    expect([revs(first), first.hasMore, first.lastSeq]).toEqual([[1, 2, 3, 5], true, 7]);
    const rest = await store().messages.stream(roomId, 5, 4);
    expect([revs(rest), rest.hasMore, rest.lastSeq]).toEqual([[6, 7], false, 7]);
    expect(await store().messages.stream(roomId, 7, 4)).toEqual({ messages: [], hasMore: false, lastSeq: 7 });
    expect(first.messages[0]).toEqual({ _id: expect.any(String), roomId, seq: 1, rev: 1, sender: { id: sender.id, username: sender.username }, body: 'body 1', tempId: expect.any(String), createdAt: new Date(1_700_000_000_001) });
  });

  it('answers an empty room, or an unknown one, with nothing and lastSeq 0', async () => {
    const { roomId } = await room();
    expect(await store().messages.stream(roomId, 0, 10)).toEqual({ messages: [], hasMore: false, lastSeq: 0 });
    expect(await store().messages.stream('no-such-room', 0, 10)).toEqual({ messages: [], hasMore: false, lastSeq: 0 });
  });
}
