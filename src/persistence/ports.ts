import {
  ChannelPage,
  ChannelQuery,
  HistoryPage,
  HistoryQuery,
  Member,
  MemberRole,
  NewChannel,
  NewMessage,
  Room,
  RoomSummary,
  SavedMessage,
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

export abstract class RoomRepository {
  /** The one direct room of two users, created on first use; (a, b) and (b, a) give the same room. */
  abstract findOrCreateDirect(a: string, b: string): Promise<Room>;
  /** The creator becomes owner; throws DuplicateKeyError('name') for a public name already taken (any case). */
  abstract createChannel(input: NewChannel): Promise<Room>;
  /** Public channels and the user's own private ones, by id, `search` on the name. */
  abstract listChannels(userId: string, query: ChannelQuery): Promise<ChannelPage>;
  abstract findById(id: string): Promise<Room | null>;
  abstract findForUser(userId: string): Promise<Room[]>;
  abstract summariesForUser(userId: string): Promise<RoomSummary[]>;
}

export abstract class MembershipRepository {
  /** False when the user was a member already. */
  abstract add(roomId: string, userId: string, role: MemberRole): Promise<boolean>;
  /** False when the user was not a member. An owner who leaves hands ownership to the longest-standing member. */
  abstract remove(roomId: string, userId: string): Promise<boolean>;
  abstract list(roomId: string): Promise<Member[]>;
  /** Moves the read marker forward (never back); returns the marker now stored, or null for a non-member. */
  abstract markRead(roomId: string, userId: string, seq: number): Promise<number | null>;
}

export abstract class MessageRepository {
  /** Saves a batch atomically; a message whose tempId is already stored comes back as duplicate. */
  abstract insertMany(messages: NewMessage[]): Promise<SavedMessage[]>;
  abstract maxSeq(roomId: string): Promise<number>;
  abstract history(roomId: string, query: HistoryQuery): Promise<HistoryPage>;
}

export abstract class StoreHealth {
  /** Resolves when the store answers; rejects otherwise. */
  abstract ping(): Promise<void>;
}
