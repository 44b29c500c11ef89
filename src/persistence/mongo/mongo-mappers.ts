import { Member, Room, StoredMessage, User, UserSummary } from '../models';
import { MembershipDoc } from './schemas/membership.schema';
import { MessageDoc } from './schemas/message.schema';
import { RoomDoc } from './schemas/room.schema';
import { UserDoc } from './schemas/user.schema';

/** Documents in, the same domain objects the SQLite adapter returns out: no mongoose type leaves this folder. */
export const toUser = (d: UserDoc): User => ({ id: d._id, username: d.username, email: d.email, createdAt: d.createdAt });

export const toRoom = (d: RoomDoc, memberIds: string[]): Room => ({
  id: d._id,
  kind: d.kind,
  name: d.name ?? null,
  description: d.description ?? null,
  isPrivate: d.isPrivate,
  memberIds,
  createdAt: d.createdAt,
});

export const toMessage = (d: MessageDoc, sender: UserSummary | undefined): StoredMessage => ({
  _id: d._id,
  roomId: d.roomId,
  seq: d.seq,
  rev: d.rev,
  sender: sender ?? { id: d.senderId, username: '' },
  body: d.body,
  tempId: d.tempId,
  createdAt: d.createdAt,
});

export const toMember = (d: MembershipDoc, username: string): Member => ({ userId: d.userId, username, role: d.role, joinedAt: d.joinedAt });
