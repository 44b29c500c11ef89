import { BlockRepository, DuplicateKeyError, MembershipRepository, MessageRepository, RoomRepository, UserRepository } from '../../src/persistence/ports';
import { NewMessage, Room, SaveOutcome, UNREAD_CAP, User } from '../../src/persistence/models';
import { streamContract } from './stream-contract';

export interface Store {
  users: UserRepository;
  rooms: RoomRepository;
  memberships: MembershipRepository;
  messages: MessageRepository;
  blocks: BlockRepository;
  close(): Promise<void>;
}

let n = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++n}`;

/** One behaviour for every store: each adapter runs this same suite, or skips all of it saying why. */
export function describeRepositoryContract(storeName: string, open: () => Promise<Store>, skipReason?: string): void {
  const describeIfAvailable = skipReason ? describe.skip : describe;
  describeIfAvailable(`repository contract: ${storeName}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let store: Store;
    let alice: User, bob: User, carol: User;
    const newUser = (name = unique('u')) => store.users.create({ username: name, email: `${name}@example.com`, passwordHash: 'scrypt$hash' });
    const message = (roomId: string, senderId: string, seq: number, tempId = unique('t')): NewMessage =>
      ({ roomId, senderId, seq, tempId, body: `body ${seq}`, createdAt: new Date(1_700_000_000_000 + seq) });

    beforeAll(async () => {
      store = await open();
      [alice, bob, carol] = await Promise.all([newUser(), newUser(), newUser()]);
    });
    afterAll(() => store?.close());

    describe('UserRepository', () => {
      it('creates and finds users; credentials carry the hash, the user does not', async () => {
        expect(alice).toEqual({ id: expect.stringMatching(/^[0-9a-f]{24}$/), username: alice.username, email: alice.email, createdAt: expect.any(Date) });
        expect(await store.users.findById(alice.id)).toEqual(alice);
        expect(await store.users.findCredentials(alice.username.toUpperCase())).toEqual({ ...alice, passwordHash: 'scrypt$hash' });
        expect(await store.users.findById('000000000000000000000000')).toBeNull();
        expect(await store.users.findCredentials('nobody')).toBeNull();
      });

      it('refuses a duplicate username or email, in any case, naming the field', async () => {
        await expect(store.users.create({ username: alice.username.toUpperCase(), email: 'x@y.z', passwordHash: 'h' })).rejects.toEqual(new DuplicateKeyError('username'));
        await expect(store.users.create({ username: unique('v'), email: alice.email.toUpperCase(), passwordHash: 'h' })).rejects.toEqual(new DuplicateKeyError('email'));
      });

      it('searches usernames by substring, treating % and _ literally', async () => {
        const odd = await newUser(unique('odd_%name'));
        expect(await store.users.search('_%n', 10)).toEqual([{ id: odd.id, username: odd.username }]);
        expect(await store.users.search(alice.username, 10)).toEqual([{ id: alice.id, username: alice.username }]);
        expect((await store.users.search('', 2)).length).toBe(2);
      });
    });

    describe('BlockRepository', () => {
      it('blocks one way, once; unblocks once; lists in block order', async () => {
        const [blocker, first, second] = await Promise.all([newUser(), newUser(), newUser()]);
        expect(await store.blocks.block(blocker.id, first.id)).toBe(true);
        expect(await store.blocks.block(blocker.id, first.id)).toBe(false);
        expect(await store.blocks.block(blocker.id, second.id)).toBe(true);
        expect(await store.blocks.blockedBy(blocker.id)).toEqual([first.id, second.id]);
        expect(await store.blocks.blockedBy(first.id)).toEqual([]);
        expect(await store.blocks.unblock(blocker.id, first.id)).toBe(true);
        expect(await store.blocks.unblock(blocker.id, first.id)).toBe(false);
        expect(await store.blocks.blockedBy(blocker.id)).toEqual([second.id]);
      });
    });

    describe('RoomRepository', () => {
      it('gives one direct room per pair, whatever the order and however many concurrent calls', async () => {
        const opened = await Promise.all([store.rooms.findOrCreateDirect(alice.id, bob.id), store.rooms.findOrCreateDirect(bob.id, alice.id), store.rooms.findOrCreateDirect(alice.id, bob.id)]);
        expect(opened.filter((o) => o.created)).toHaveLength(1);
        expect((await store.rooms.findOrCreateDirect(bob.id, alice.id)).created).toBe(false);
        const rooms = opened.map((o) => o.room);
        expect(new Set(rooms.map((r) => r.id)).size).toBe(1);
        expect(rooms[0]).toEqual({ id: expect.any(String), kind: 'direct', name: null, description: null, isPrivate: true, memberIds: expect.arrayContaining([alice.id, bob.id]), createdAt: expect.any(Date) });
        expect(rooms[0].memberIds).toHaveLength(2);
        expect(await store.rooms.findById(rooms[0].id)).toEqual(rooms[0]);
        expect(await store.rooms.findById('000000000000000000000000')).toBeNull();
      });

      it('lists a user\'s rooms, with the last message and the unread count', async () => {
        const ab = (await store.rooms.findOrCreateDirect(alice.id, bob.id)).room;
        const ac = (await store.rooms.findOrCreateDirect(alice.id, carol.id)).room;
        expect((await store.rooms.roomIdsForUser(alice.id)).sort()).toEqual([ab.id, ac.id].sort());
        expect(await store.rooms.roomIdsForUser(carol.id)).toEqual([ac.id]);
        const last = message(ac.id, carol.id, 3);
        const [, , saved] = await store.messages.insertMany([message(ac.id, alice.id, 1), message(ac.id, alice.id, 2), last]);
        const summaries = async (userId: string) => (await store.rooms.summariesForUser(userId, { limit: 10 })).rooms;
        const dm = (room: typeof ab) => ({ ...room, memberIds: expect.arrayContaining(room.memberIds), memberCount: 2, lastActivityAt: expect.any(Date) });
        expect(await summaries(carol.id)).toEqual([{ ...dm(ac), lastMessage: expect.objectContaining({ seq: 3, sender: { id: carol.id, username: carol.username } }), unreadCount: 2, lastSeq: 3, lastReadSeq: 0 }]);
        const lastMessage = { _id: saved.status === 'saved' ? saved.saved._id : '', roomId: ac.id, seq: 3, rev: 3, sender: { id: carol.id, username: carol.username }, body: last.body, tempId: last.tempId, createdAt: last.createdAt };
        expect(await summaries(alice.id)).toEqual(expect.arrayContaining([
          { ...dm(ab), lastMessage: null, unreadCount: 0, lastSeq: 0, lastReadSeq: 0 },
          { ...dm(ac), lastMessage, unreadCount: 1, lastSeq: 3, lastReadSeq: 0 },
        ]));
        expect(await summaries(alice.id)).toHaveLength(2);
        expect(await store.memberships.markRead(ac.id, carol.id, 1)).toEqual({ lastReadSeq: 1, moved: true, unread: 1 });
        expect(await store.memberships.markRead(ac.id, carol.id, 0)).toEqual({ lastReadSeq: 1, moved: false, unread: 1 });
        expect((await summaries(carol.id))[0]).toMatchObject({ unreadCount: 1, lastReadSeq: 1 });
        expect(await store.memberships.markRead(ac.id, bob.id, 3)).toBeNull();
      });

      it('pages a user\'s rooms most recently active first; a channel carries its member count, a DM its two members', async () => {
        const pager = await newUser();
        const channels: Room[] = [];
        for (let i = 0; i < 4; i++) channels.push(await store.rooms.createChannel({ name: unique('page'), description: null, isPrivate: true, ownerId: alice.id, memberIds: [pager.id, bob.id] }));
        const { room: direct } = await store.rooms.findOrCreateDirect(pager.id, carol.id);
        // Messages dated after every join: channels[2] is the most recent, then channels[0].
        const soon = Date.now() + 60_000;
        await store.messages.insertMany([{ ...message(channels[0].id, alice.id, 1), createdAt: new Date(soon) }, { ...message(channels[2].id, bob.id, 1), createdAt: new Date(soon + 1000) }]);
        const seen = [];
        let after: { activeAt: number; roomId: string } | undefined;
        do {
          const page = await store.rooms.summariesForUser(pager.id, { after, limit: 2 });
          seen.push(...page.rooms);
          expect(page.hasMore).toBe(seen.length < 5);
          const last = page.rooms[page.rooms.length - 1];
          after = page.hasMore ? { activeAt: last.lastActivityAt.getTime(), roomId: last.id } : undefined;
        } while (after);
        expect(seen.map((r) => r.id).slice(0, 2)).toEqual([channels[2].id, channels[0].id]);
        expect(seen.map((r) => r.id).sort()).toEqual([...channels.map((c) => c.id), direct.id].sort());
        const times = seen.map((r) => r.lastActivityAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => b - a));
        expect(seen[0]).toMatchObject({ lastActivityAt: new Date(soon + 1000), lastSeq: 1, unreadCount: 1, lastMessage: expect.objectContaining({ seq: 1 }) });
        const quiet = seen.find((r) => r.id === channels[1].id);
        expect(quiet).toMatchObject({ kind: 'channel', memberCount: 3, lastMessage: null, lastSeq: 0 });
        expect(quiet).not.toHaveProperty('memberIds');
        expect(seen.find((r) => r.id === direct.id)).toMatchObject({ memberCount: 2, memberIds: expect.arrayContaining([pager.id, carol.id]) });
        expect((await store.rooms.roomIdsForUser(pager.id)).sort()).toEqual(seen.map((r) => r.id).sort());
      });
    });

    describe('read markers', () => {
      it('moves a marker forward only, counting others\' messages past it', async () => {
        const room = await store.rooms.createChannel({ name: unique('reads'), description: null, isPrivate: true, ownerId: alice.id, memberIds: [bob.id] });
        await store.messages.insertMany([message(room.id, alice.id, 1), message(room.id, bob.id, 2), message(room.id, alice.id, 3), message(room.id, alice.id, 5)]);
        expect(await store.memberships.markRead(room.id, bob.id, 1)).toEqual({ lastReadSeq: 1, moved: true, unread: 2 });
        expect(await store.memberships.markRead(room.id, bob.id, 1)).toEqual({ lastReadSeq: 1, moved: false, unread: 2 });
        expect(await store.memberships.markRead(room.id, bob.id, 4)).toEqual({ lastReadSeq: 4, moved: true, unread: 1 });
        expect(await store.memberships.markRead(room.id, alice.id, 2)).toEqual({ lastReadSeq: 2, moved: true, unread: 0 });
        expect(await store.memberships.markRead(room.id, carol.id, 2)).toBeNull();
        expect(await store.memberships.receipts(room.id)).toEqual([{ userId: alice.id, lastReadSeq: 2 }, { userId: bob.id, lastReadSeq: 4 }].sort((a, b) => a.userId.localeCompare(b.userId)));
      });

      it('counts unread up to UNREAD_CAP, everywhere it is reported', async () => {
        const room = await store.rooms.createChannel({ name: unique('flood'), description: null, isPrivate: true, ownerId: alice.id, memberIds: [bob.id] });
        await store.messages.insertMany(Array.from({ length: UNREAD_CAP + 5 }, (_, i) => message(room.id, alice.id, i + 1)));
        expect(await store.memberships.markRead(room.id, bob.id, 1)).toEqual({ lastReadSeq: 1, moved: true, unread: UNREAD_CAP });
        expect((await store.memberships.readStates(bob.id, room.id))[0]).toMatchObject({ unread: UNREAD_CAP });
        expect((await store.rooms.summariesForUser(bob.id, { limit: 200 })).rooms.find((r) => r.id === room.id)).toMatchObject({ unreadCount: UNREAD_CAP });
      });

      it('gives every room\'s highest seq, marker and unread count for a user, or for one room', async () => {
        const busy = await store.rooms.createChannel({ name: unique('busy'), description: null, isPrivate: true, ownerId: carol.id, memberIds: [bob.id] });
        const quiet = await store.rooms.createChannel({ name: unique('quiet'), description: null, isPrivate: true, ownerId: carol.id, memberIds: [] });
        await store.messages.insertMany([message(busy.id, bob.id, 1), message(busy.id, carol.id, 2), message(busy.id, bob.id, 7)]);
        await store.memberships.markRead(busy.id, carol.id, 1);
        const states = await store.memberships.readStates(carol.id);
        expect(states).toEqual(expect.arrayContaining([
          { roomId: busy.id, lastSeq: 7, lastReadSeq: 1, unread: 1 },
          { roomId: quiet.id, lastSeq: 0, lastReadSeq: 0, unread: 0 },
        ]));
        expect(states.map((s) => s.roomId).sort()).toEqual((await store.rooms.roomIdsForUser(carol.id)).sort());
        expect(await store.memberships.readStates(bob.id, busy.id)).toEqual([{ roomId: busy.id, lastSeq: 7, lastReadSeq: 0, unread: 1 }]);
        expect(await store.memberships.readStates(alice.id, busy.id)).toEqual([]);
      });
    });

    describe('channels and memberships', () => {
      it('creates a channel with its owner and members; public names are unique ignoring case', async () => {
        const name = unique('Town-');
        const channel = await store.rooms.createChannel({ name, description: 'd', isPrivate: false, ownerId: alice.id, memberIds: [bob.id, alice.id] });
        expect(channel).toEqual({ id: expect.any(String), kind: 'channel', name, description: 'd', isPrivate: false, memberIds: expect.arrayContaining([alice.id, bob.id]), createdAt: expect.any(Date) });
        expect(channel.memberIds).toHaveLength(2);
        expect((await store.memberships.list(channel.id)).map((m) => [m.userId, m.role])).toEqual(expect.arrayContaining([[alice.id, 'owner'], [bob.id, 'member']]));
        await expect(store.rooms.createChannel({ name: name.toUpperCase(), description: null, isPrivate: false, ownerId: bob.id, memberIds: [] })).rejects.toEqual(new DuplicateKeyError('name'));
        const twin = await store.rooms.createChannel({ name, description: null, isPrivate: true, ownerId: bob.id, memberIds: [] });
        expect(twin).toMatchObject({ name, isPrivate: true, memberIds: [bob.id] });
      });

      it('adds and removes members once, and hands ownership on when the owner leaves', async () => {
        const channel = await store.rooms.createChannel({ name: unique('club'), description: null, isPrivate: true, ownerId: alice.id, memberIds: [] });
        expect(await store.memberships.add(channel.id, bob.id, 'member')).toBe(true);
        expect(await store.memberships.add(channel.id, bob.id, 'member')).toBe(false);
        expect(await store.memberships.add(channel.id, carol.id, 'admin')).toBe(true);
        expect(await store.memberships.remove(channel.id, alice.id)).toBe(true);
        expect(await store.memberships.remove(channel.id, alice.id)).toBe(false);
        const members = await store.memberships.list(channel.id);
        expect(members.map((m) => [m.userId, m.role]).sort()).toEqual([[bob.id, 'member'], [carol.id, 'owner']].sort());
        expect(members[0]).toEqual({ userId: expect.any(String), username: expect.any(String), role: expect.any(String), joinedAt: expect.any(Date) });
        expect((await store.rooms.findById(channel.id))?.memberIds.sort()).toEqual([bob.id, carol.id].sort());
      });

      it('pages a channel\'s members oldest first, by cursor', async () => {
        const channel = await store.rooms.createChannel({ name: unique('crowd'), description: null, isPrivate: true, ownerId: alice.id, memberIds: [bob.id, carol.id] });
        const late = await newUser();
        await store.memberships.add(channel.id, late.id, 'member');
        const first = await store.memberships.page(channel.id, { limit: 3 });
        expect(first.hasMore).toBe(true);
        expect(first.members).toHaveLength(3);
        const last = first.members[2];
        const rest = await store.memberships.page(channel.id, { after: { joinedAt: last.joinedAt.getTime(), userId: last.userId }, limit: 3 });
        expect(rest.hasMore).toBe(false);
        const all = [...first.members, ...rest.members];
        expect(all).toHaveLength(4);
        expect(all).toEqual(expect.arrayContaining(await store.memberships.list(channel.id)));
        const keys = all.map((m) => [m.joinedAt.getTime(), m.userId] as const);
        expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])));
        expect(all.find((m) => m.userId === alice.id)).toMatchObject({ role: 'owner', username: alice.username });
      });

      it('lists public channels and the user\'s private ones, paged by cursor, searchable', async () => {
        const tag = unique('list');
        const pub = await store.rooms.createChannel({ name: `${tag}-pub`, description: null, isPrivate: false, ownerId: alice.id, memberIds: [] });
        const priv = await store.rooms.createChannel({ name: `${tag}-priv`, description: null, isPrivate: true, ownerId: alice.id, memberIds: [] });
        const pub2 = await store.rooms.createChannel({ name: `${tag}-pub2`, description: null, isPrivate: false, ownerId: bob.id, memberIds: [] });
        const ids = async (userId: string) => (await store.rooms.listChannels(userId, { search: tag, limit: 10 })).channels.map((c) => c.id);
        expect(await ids(alice.id)).toEqual([pub.id, priv.id, pub2.id]);
        expect(await ids(carol.id)).toEqual([pub.id, pub2.id]);
        const first = await store.rooms.listChannels(alice.id, { search: tag, limit: 2 });
        expect([first.channels.map((c) => c.id), first.hasMore]).toEqual([[pub.id, priv.id], true]);
        const second = await store.rooms.listChannels(alice.id, { search: tag, after: priv.id, limit: 2 });
        expect([second.channels.map((c) => c.id), second.hasMore]).toEqual([[pub2.id], false]);
      });
    });

    describe('MessageRepository', () => {
      const saved = (outcomes: SaveOutcome[]) => outcomes.map((o) => (o.status === 'saved' ? o.saved : o));

      it('saves a batch in order and answers an already stored tempId with the original', async () => {
        const { room } = await store.rooms.findOrCreateDirect(bob.id, carol.id);
        const first = saved(await store.messages.insertMany([message(room.id, bob.id, 1, 'a'), message(room.id, bob.id, 2, 'b')]));
        expect(first).toEqual([
          { _id: expect.stringMatching(/^[0-9a-f]{24}$/), roomId: room.id, seq: 1, tempId: 'a', createdAt: new Date(1_700_000_000_001), duplicate: false },
          expect.objectContaining({ seq: 2, tempId: 'b', duplicate: false }),
        ]);
        const again = saved(await store.messages.insertMany([message(room.id, bob.id, 3, 'c'), message(room.id, bob.id, 9, 'a')]));
        expect(again).toEqual([expect.objectContaining({ seq: 3, duplicate: false }), { ...first[0], duplicate: true }]);
        // The same tempId from another sender is another message.
        expect(saved(await store.messages.insertMany([message(room.id, carol.id, 4, 'a')]))[0]).toMatchObject({ seq: 4, duplicate: false });
        expect(await store.messages.findByTempId(room.id, bob.id, 'a')).toEqual({ ...first[0], duplicate: true });
        expect(await store.messages.findByTempId(room.id, bob.id, 'nope')).toBeNull();
      });

      it('refuses only the message whose position is taken, saves the rest of its batch', async () => {
        const dave = await newUser();
        const { room } = await store.rooms.findOrCreateDirect(alice.id, dave.id);
        await store.messages.insertMany([message(room.id, alice.id, 2, 'x')]);
        const outcomes = await store.messages.insertMany([message(room.id, dave.id, 1), message(room.id, dave.id, 2), message(room.id, dave.id, 3)]);
        expect(outcomes.map((o) => o.status)).toEqual(['saved', 'rejected', 'saved']);
        expect(outcomes[1]).toMatchObject({ retryable: true });
        const history = await store.messages.history(room.id, { limit: 10 });
        expect(history.messages.map((m) => [m.seq, m.sender.id])).toEqual([[1, dave.id], [2, alice.id], [3, dave.id]]);
      });

      it('reserves positions in blocks above every stored seq, never twice, and gives back the unused part', async () => {
        const { room } = await store.rooms.findOrCreateDirect(alice.id, (await newUser()).id);
        await store.messages.insertMany([message(room.id, alice.id, 5)]);
        expect(await store.messages.reserveSeq(room.id, 100)).toBe(105);
        expect(await store.messages.reserveSeq(room.id, 100)).toBe(205);
        // Only a reservation still at the caller's limit is lowered: someone else's stays.
        await store.messages.releaseSeq([{ roomId: room.id, last: 7, limit: 105 }]);
        expect(await store.messages.reserveSeq(room.id, 10)).toBe(215);
        await store.messages.releaseSeq([{ roomId: room.id, last: 7, limit: 215 }]);
        expect(await store.messages.reserveSeq(room.id, 10)).toBe(17);
        // Never below a stored position, whatever the caller says.
        await store.messages.releaseSeq([{ roomId: room.id, last: 1, limit: 17 }]);
        expect(await store.messages.reserveSeq(room.id, 10)).toBe(15);
        const concurrent = await Promise.all(Array.from({ length: 5 }, () => store.messages.reserveSeq(room.id, 10)));
        expect(new Set(concurrent).size).toBe(5);
      });

      it('pages history by seq cursors, always ascending, with hasMore', async () => {
        const { room } = await store.rooms.findOrCreateDirect(alice.id, (await newUser()).id);
        await store.messages.insertMany(Array.from({ length: 10 }, (_, i) => message(room.id, alice.id, i + 1)));
        const seqs = (p: { messages: { seq: number }[] }) => p.messages.map((m) => m.seq);
        const latest = await store.messages.history(room.id, { limit: 4 });
        expect([seqs(latest), latest.hasMore]).toEqual([[7, 8, 9, 10], true]);
        const older = await store.messages.history(room.id, { before: 7, limit: 4 });
        expect([seqs(older), older.hasMore]).toEqual([[3, 4, 5, 6], true]);
        const oldest = await store.messages.history(room.id, { before: 3, limit: 4 });
        expect([seqs(oldest), oldest.hasMore]).toEqual([[1, 2], false]);
        const forward = await store.messages.history(room.id, { after: 8, limit: 4 });
        expect([seqs(forward), forward.hasMore]).toEqual([[9, 10], false]);
        const window = await store.messages.history(room.id, { after: 2, before: 6, limit: 2 });
        expect([seqs(window), window.hasMore]).toEqual([[3, 4], true]);
        expect(latest.messages[0]).toEqual({ _id: expect.any(String), roomId: room.id, seq: 7, rev: 7, sender: { id: alice.id, username: alice.username }, body: 'body 7', tempId: expect.any(String), createdAt: new Date(1_700_000_000_007) });
        expect(await store.messages.history('no-such-room', { limit: 5 })).toEqual({ messages: [], hasMore: false });
      });
    });

    describe('MessageRepository: the room stream', () => streamContract(() => store));
  });
}
