import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Member, MemberPage, MemberQuery, MemberRole, ReadMarkerMove, ReadReceipt, RoomReadState, UNREAD_CAP } from '../models';
import { MembershipRepository } from '../ports';
import { toMember } from './mongo-mappers';
import { readStatesPipeline } from './mongo-read-states';
import { MembershipDoc } from './schemas/membership.schema';
import { MessageDoc } from './schemas/message.schema';
import { UserDoc } from './schemas/user.schema';

@Injectable()
export class MongoMembershipRepository extends MembershipRepository {
  constructor(
    @InjectModel(MembershipDoc.name) private readonly memberships: Model<MembershipDoc>,
    @InjectModel(UserDoc.name) private readonly users: Model<UserDoc>,
    @InjectModel(MessageDoc.name) private readonly messages: Model<MessageDoc>,
  ) {
    super();
  }

  async add(roomId: string, userId: string, role: MemberRole): Promise<boolean> {
    const res = await this.memberships.updateOne(
      { roomId, userId },
      { $setOnInsert: { role, lastReadSeq: 0, joinedAt: new Date() } },
      { upsert: true },
    );
    return res.upsertedCount === 1;
  }

  async remove(roomId: string, userId: string): Promise<boolean> {
    const removed = await this.memberships.findOneAndDelete({ roomId, userId }).lean<MembershipDoc>();
    if (removed?.role === 'owner') {
      // Admins first, then the longest-standing member.
      const heir = await this.memberships.aggregate<MembershipDoc & { _id: unknown }>([
        { $match: { roomId } },
        { $addFields: { isAdmin: { $eq: ['$role', 'admin'] } } },
        { $sort: { isAdmin: -1, joinedAt: 1, userId: 1 } },
        { $limit: 1 },
      ]);
      if (heir[0]) await this.memberships.updateOne({ roomId, userId: heir[0].userId }, { $set: { role: 'owner' } });
    }
    return removed !== null;
  }

  async list(roomId: string): Promise<Member[]> {
    const docs = await this.memberships.find({ roomId }).sort({ joinedAt: 1 }).lean<MembershipDoc[]>();
    const users = await this.users.find({ _id: { $in: docs.map((d) => d.userId) } }, { username: 1 }).lean<UserDoc[]>();
    const names = new Map(users.map((u) => [u._id, u.username]));
    return docs.map((d) => toMember(d, names.get(d.userId) ?? '')).sort((a, b) => +a.joinedAt - +b.joinedAt || a.username.localeCompare(b.username));
  }

  async page(roomId: string, q: MemberQuery): Promise<MemberPage> {
    const at = q.after && new Date(q.after.joinedAt);
    const filter = q.after ? { roomId, $or: [{ joinedAt: { $gt: at } }, { joinedAt: at, userId: { $gt: q.after.userId } }] } : { roomId };
    const docs = await this.memberships.find(filter).sort({ joinedAt: 1, userId: 1 }).limit(q.limit + 1).lean<MembershipDoc[]>();
    const page = docs.slice(0, q.limit);
    const users = await this.users.find({ _id: { $in: page.map((d) => d.userId) } }, { username: 1 }).lean<UserDoc[]>();
    const names = new Map(users.map((u) => [u._id, u.username]));
    return { members: page.map((d) => toMember(d, names.get(d.userId) ?? '')), hasMore: docs.length > q.limit };
  }

  async markRead(roomId: string, userId: string, seq: number): Promise<ReadMarkerMove | null> {
    // The document before the update tells whether $max moved the marker.
    const before = await this.memberships.findOneAndUpdate({ roomId, userId }, { $max: { lastReadSeq: seq } }, { new: false }).lean<MembershipDoc>();
    if (!before) return null;
    const lastReadSeq = Math.max(before.lastReadSeq, seq);
    const unread = await this.messages.countDocuments({ roomId, seq: { $gt: lastReadSeq }, senderId: { $ne: userId } }, { limit: UNREAD_CAP });
    return { lastReadSeq, moved: seq > before.lastReadSeq, unread };
  }

  async receipts(roomId: string): Promise<ReadReceipt[]> {
    const docs = await this.memberships.find({ roomId }, { userId: 1, lastReadSeq: 1 }).sort({ userId: 1 }).lean<MembershipDoc[]>();
    return docs.map((d) => ({ userId: d.userId, lastReadSeq: d.lastReadSeq }));
  }

  readStates(userId: string, roomId?: string): Promise<RoomReadState[]> {
    return this.memberships.aggregate<RoomReadState>(readStatesPipeline(userId, roomId));
  }
}
