import mongoose from 'mongoose';
import { MembershipDoc, MembershipSchema } from './membership.schema';
import { MessageDoc, MessageSchema } from './message.schema';
import { RoomDoc, RoomSchema } from './room.schema';
import { UserDoc, UserSchema } from './user.schema';

// Offline: models on a connection that never connects, for indexes and validation only.
const conn = mongoose.createConnection();
const Message = conn.model(MessageDoc.name, MessageSchema);
const Room = conn.model(RoomDoc.name, RoomSchema);
const User = conn.model(UserDoc.name, UserSchema);
const Membership = conn.model(MembershipDoc.name, MembershipSchema);

describe('Mongo schemas', () => {
  it('index messages for seq uniqueness, idempotency, history and the room stream (DESIGN.md sections 6, 10)', () => {
    expect(MessageSchema.indexes()).toEqual([
      [{ roomId: 1, seq: 1 }, expect.objectContaining({ unique: true })],
      [{ roomId: 1, senderId: 1, tempId: 1 }, expect.objectContaining({ unique: true, partialFilterExpression: { tempId: { $type: 'string' } } })],
      [{ roomId: 1, seq: -1 }, expect.objectContaining({ name: 'history' })],
      [{ roomId: 1, rev: 1 }, expect.objectContaining({ name: 'stream' })],
    ]);
  });

  it('index users, rooms and memberships for uniqueness, look-ups both ways and member pages', () => {
    expect(UserSchema.indexes().map(([keys, o]) => [keys, o.unique])).toEqual([[{ usernameKey: 1 }, true], [{ email: 1 }, true]]);
    expect(RoomSchema.indexes().map(([keys]) => keys)).toEqual([{ directKey: 1 }, { nameKey: 1 }, { kind: 1, isPrivate: 1, _id: 1 }]);
    expect(MembershipSchema.indexes().map(([keys, o]) => [keys, o.unique ?? false])).toEqual([[{ roomId: 1, userId: 1 }, true], [{ userId: 1, roomId: 1 }, false], [{ roomId: 1, joinedAt: 1, userId: 1 }, false]]);
  });

  it('refuses incomplete or out-of-range documents', () => {
    const errors = (doc: { validateSync(): mongoose.Error.ValidationError | null }) => Object.keys(doc.validateSync()?.errors ?? {}).sort();
    expect(errors(new Message({}))).toEqual(['_id', 'body', 'createdAt', 'rev', 'roomId', 'senderId', 'seq', 'tempId']);
    expect(errors(new Message({ _id: 'x', roomId: 'r', seq: 0, rev: 1, senderId: 's', body: 'b', tempId: 't'.repeat(129), createdAt: new Date() }))).toEqual(['seq', 'tempId']);
    expect(errors(new Room({ _id: 'x', kind: 'group', isPrivate: false, createdAt: new Date() }))).toEqual(['kind']);
    expect(errors(new User({ _id: 'x', username: 'ab', usernameKey: 'ab', email: 'A@B.C', passwordHash: 'h', createdAt: new Date() }))).toEqual(['username']);
    expect(new User({ email: 'A@B.C' }).email).toBe('a@b.c');
    expect(errors(new Membership({ roomId: 'r', userId: 'u', role: 'king', joinedAt: new Date() }))).toEqual(['role']);
  });
});
