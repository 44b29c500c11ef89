import { readRoomList, toRoomInfo } from './room-list';

const me = 'me';

describe(readRoomList.name, () => {
  const dm = { id: 'd1', kind: 'direct' as const, name: null, isPrivate: true, memberIds: ['me', 'peer'], lastSeq: 4, lastReadSeq: 2, unread: 2 };

  it("reads today's full array (ready.rooms and GET /rooms summaries alike)", () => {
    const summary = { id: 'c1', kind: 'channel' as const, name: 'general', isPrivate: false, memberIds: ['me', 'a', 'b'], lastMessage: { seq: 9 }, unreadCount: 3 };
    const sut = readRoomList([dm, summary], me);
    expect(sut).toEqual({
      rooms: [
        { id: 'd1', kind: 'direct', name: null, peerId: 'peer', isPrivate: true, lastSeq: 4, lastReadSeq: 2, unread: 2 },
        { id: 'c1', kind: 'channel', name: 'general', memberCount: 3, isPrivate: false, lastSeq: 9, lastReadSeq: 0, unread: 3 },
      ],
      hasMore: false,
      cursor: null,
    });
  });

  it('reads a bounded page: channels with memberCount and no memberIds, and where the next page starts', () => {
    const channel = { id: 'c2', kind: 'channel' as const, name: 'big', memberCount: 12000, lastActivityAt: new Date(Date.UTC(2026, 0, 2)), lastSeq: 1, lastReadSeq: 1, unread: 0 };
    const sut = readRoomList({ rooms: [dm, channel], roomsHasMore: true, nextCursor: 'c2' }, me);
    expect(sut.rooms[1]).toEqual({ id: 'c2', kind: 'channel', name: 'big', memberCount: 12000, isPrivate: false, lastSeq: 1, lastReadSeq: 1, unread: 0, lastActivityAt: '2026-01-02T00:00:00.000Z' });
    expect(sut).toMatchObject({ hasMore: true, cursor: 'c2' });
    expect(readRoomList({ rooms: [], hasMore: false, cursor: null }, me)).toEqual({ rooms: [], hasMore: false, cursor: null });
  });

  it("names a DM's peer from memberIds, and never reads memberIds of a channel as a peer", () => {
    expect(toRoomInfo(dm, 'peer').peerId).toBe('me');
    expect(toRoomInfo({ id: 'c', kind: 'channel', memberIds: ['x'] }, me)).not.toHaveProperty('peerId');
  });
});
