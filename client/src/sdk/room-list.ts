import { iso, type RoomInfo } from './types';

/** The fields a room may carry in any of its shapes (ready, GET /rooms, created, joined). */
interface RawRoom {
  id: string;
  kind: 'direct' | 'channel';
  name?: string | null;
  isPrivate?: boolean;
  memberIds?: string[];
  memberCount?: number;
  lastSeq?: number;
  lastReadSeq?: number;
  unread?: number;
  unreadCount?: number;
  lastMessage?: { seq: number; createdAt?: Date | string } | null;
  lastActivityAt?: Date | string;
  createdAt?: Date | string;
}

/** One room of any shape as the SDK lists it; `memberIds` only names a DM's peer. */
export function toRoomInfo(raw: RawRoom, myId: string): RoomInfo {
  const activity = raw.lastActivityAt ?? raw.lastMessage?.createdAt ?? raw.createdAt;
  const peerId = raw.kind === 'direct' ? raw.memberIds?.find((id) => id !== myId) : undefined;
  return {
    id: raw.id,
    kind: raw.kind,
    name: raw.name ?? null,
    ...(peerId && { peerId }),
    ...(raw.kind === 'channel' && { memberCount: raw.memberCount ?? raw.memberIds?.length }),
    isPrivate: raw.isPrivate ?? raw.kind === 'direct',
    lastSeq: raw.lastSeq ?? raw.lastMessage?.seq ?? 0,
    lastReadSeq: raw.lastReadSeq ?? 0,
    unread: raw.unread ?? raw.unreadCount ?? 0,
    ...(activity && { lastActivityAt: iso(activity) }),
  };
}

export interface RoomListPage {
  rooms: RoomInfo[];
  hasMore: boolean;
  /** Where the next page starts, when the server pages the list and said where. */
  cursor: string | null;
}

/**
 * Reads a room list in either shape: today's full array, or a bounded page
 * `{ rooms, hasMore | roomsHasMore, nextCursor | cursor }` (from `ready` or `GET /rooms?limit=&cursor=`).
 */
export function readRoomList(payload: unknown, myId: string): RoomListPage {
  if (Array.isArray(payload)) return { rooms: payload.map((r: RawRoom) => toRoomInfo(r, myId)), hasMore: false, cursor: null };
  const page = payload as { rooms?: RawRoom[]; hasMore?: boolean; roomsHasMore?: boolean; nextCursor?: string | null; cursor?: string | null; roomsCursor?: string | null };
  const hasMore = page.hasMore ?? page.roomsHasMore ?? false;
  const cursor = page.nextCursor ?? page.roomsCursor ?? page.cursor ?? null;
  return { rooms: (page.rooms ?? []).map((r) => toRoomInfo(r, myId)), hasMore, cursor };
}
