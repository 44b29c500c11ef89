import {
  ChannelPage,
  ChannelQuery,
  HistoryPage,
  HistoryQuery,
  Member,
  MemberPage,
  MemberQuery,
  MemberRole,
  NewChannel,
  NewMessage,
  OpenedDirect,
  ReadMarkerMove,
  ReadReceipt,
  Room,
  RoomPosition,
  RoomReadState,
  RoomSummaryPage,
  RoomSummaryQuery,
  SaveOutcome,
  SavedMessage,
  StreamPage,
  User,
  UserCredentials,
  UserSummary,
} from './models';

/** Thrown by create() when a unique field is taken. */
export class DuplicateKeyError extends Error {
  constructor(readonly field: string) {
    super(`duplicate ${field}`);
  }
}

export abstract class UserRepository {
  abstract create(input: { username: string; email: string; passwordHash: string }): Promise<User>;
  abstract findById(id: string): Promise<User | null>;
  abstract findCredentials(username: string): Promise<UserCredentials | null>;
  abstract search(query: string, limit: number): Promise<UserSummary[]>;
}

/** Who each user has blocked: a blocked user may not open a DM with, message, invite or add the blocker. */
export abstract class BlockRepository {
  /** False when already blocked. */
  abstract block(blockerId: string, blockedId: string): Promise<boolean>;
  /** False when not blocked. */
  abstract unblock(blockerId: string, blockedId: string): Promise<boolean>;
  /** The ids `blockerId` has blocked, oldest block first. */
  abstract blockedBy(blockerId: string): Promise<string[]>;
}

export abstract class RoomRepository {
  /** The one direct room of two users, created on first use; (a, b) and (b, a) give the same room. */
  abstract findOrCreateDirect(a: string, b: string): Promise<OpenedDirect>;
  /** The creator becomes owner; throws DuplicateKeyError('name') for a public name already taken (any case). */
  abstract createChannel(input: NewChannel): Promise<Room>;
  /** Public channels and the user's own private ones, by id, `search` on the name. */
  abstract listChannels(userId: string, query: ChannelQuery): Promise<ChannelPage>;
  abstract findById(id: string): Promise<Room | null>;
  /** The ids of every room of the user (the connect path subscribes to all of them): no members, no counters. */
  abstract roomIdsForUser(userId: string): Promise<string[]>;
  /**
   * A page of the user's rooms, most recently active first (ties by id, descending), each with its
   * member count, last message and counters; only the page's rooms cost more than an index read.
   */
  abstract summariesForUser(userId: string, query: RoomSummaryQuery): Promise<RoomSummaryPage>;
}

export abstract class MembershipRepository {
  /** False when the user was a member already. */
  abstract add(roomId: string, userId: string, role: MemberRole): Promise<boolean>;
  /** False when the user was not a member. An owner who leaves hands ownership to the longest-standing member. */
  abstract remove(roomId: string, userId: string): Promise<boolean>;
  abstract list(roomId: string): Promise<Member[]>;
  /** A page of the members, oldest first (ties by user id), through the (room, joined, user) index. */
  abstract page(roomId: string, query: MemberQuery): Promise<MemberPage>;
  /** Moves the read marker forward to `seq` (never back): the marker now stored, and unread after it; null for a non-member. */
  abstract markRead(roomId: string, userId: string, seq: number): Promise<ReadMarkerMove | null>;
  /** Every member's read marker, by user id. */
  abstract receipts(roomId: string): Promise<ReadReceipt[]>;
  /** The read state of each of the user's rooms (or of `roomId` alone), in one query: unread counts use the (room, seq) index. */
  abstract readStates(userId: string, roomId?: string): Promise<RoomReadState[]>;
}

export abstract class MessageRepository {
  /**
   * Saves a batch; one outcome per message, in order. A message whose tempId is already stored
   * is saved (as duplicate). A message the store refuses for a reason that will not pass (a
   * constraint, a validation rule) is rejected alone: the others are saved. Throws only when the
   * store cannot be reached (transient): then nothing of the batch may be assumed saved or not.
   */
  abstract insertMany(messages: NewMessage[]): Promise<SaveOutcome[]>;
  /** The stored message of a (room, sender, tempId), for late resends. */
  abstract findByTempId(roomId: string, senderId: string, tempId: string): Promise<SavedMessage | null>;
  /**
   * Durably reserves the next `size` positions of a room, atomically: the reservation becomes
   * max(reservation, highest stored seq) + size and is returned. Positions are handed out only
   * from reserved blocks, so none is reused after a crash.
   */
  abstract reserveSeq(roomId: string, size: number): Promise<number>;
  /**
   * Clean stop: lowers each reservation to the last position handed out (never below a stored
   * seq), only where it is still `limit`: a reservation someone else raised meanwhile stays.
   */
  abstract releaseSeq(positions: RoomPosition[]): Promise<void>;
  abstract history(roomId: string, query: HistoryQuery): Promise<HistoryPage>;
  /** Catch-up: the messages with rev > afterRev, ascending by rev, at most `limit` (hasMore), through the (room, rev) index. */
  abstract stream(roomId: string, afterRev: number, limit: number): Promise<StreamPage>;
}

export abstract class StoreHealth {
  /** Resolves when the store answers; rejects otherwise. */
  abstract ping(): Promise<void>;
}
