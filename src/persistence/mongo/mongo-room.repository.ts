import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { ChannelPage, ChannelQuery, NewChannel, OpenedDirect, Room, RoomSummaryPage, RoomSummaryQuery } from '../models';
import { newObjectId } from '../object-id';
import { DuplicateKeyError, RoomRepository } from '../ports';
import { toRoom } from './mongo-mappers';
import { containsRegex, isDuplicateKey } from './mongo-queries';
import { summarize, SummaryModels, summaryPagePipeline } from './mongo-room-summaries';
import { MembershipDoc } from './schemas/membership.schema';
import { MessageDoc } from './schemas/message.schema';
import { RoomDoc } from './schemas/room.schema';
import { UserDoc } from './schemas/user.schema';

@Injectable()
export class MongoRoomRepository extends RoomRepository {
  constructor(
    @InjectModel(RoomDoc.name) private readonly rooms: Model<RoomDoc>,
    @InjectModel(MembershipDoc.name) private readonly memberships: Model<MembershipDoc>,
    @InjectModel(MessageDoc.name) private readonly messages: Model<MessageDoc>,
    @InjectModel(UserDoc.name) private readonly users: Model<UserDoc>,
  ) {
    super();
  }

  async findOrCreateDirect(a: string, b: string): Promise<OpenedDirect> {
    const directKey = [a, b].sort().join(':');
    const now = new Date();
    const insert = { _id: newObjectId(), kind: 'direct', name: null, description: null, isPrivate: true, createdAt: now };
    // Upsert on the unique pair; two concurrent first calls: one inserts, the other gets E11000 and reads.
    const doc = await this.rooms
      .findOneAndUpdate({ directKey }, { $setOnInsert: insert }, { upsert: true, new: true })
      .lean<RoomDoc>()
      .catch(async (err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
        return this.rooms.findOne({ directKey }).lean<RoomDoc>();
      });
    await Promise.all([...new Set([a, b])].map((userId) =>
      this.memberships.updateOne({ roomId: doc!._id, userId }, { $setOnInsert: { role: 'member', lastReadSeq: 0, joinedAt: now } }, { upsert: true }).catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err;
      }),
    ));
    return { room: (await this.findById(doc!._id))!, created: doc!._id === insert._id };
  }

  async createChannel(input: NewChannel): Promise<Room> {
    const now = new Date();
    const doc: RoomDoc = { _id: newObjectId(), kind: 'channel', name: input.name, description: input.description, isPrivate: input.isPrivate, createdAt: now };
    if (!input.isPrivate) doc.nameKey = input.name.toLowerCase();
    try {
      await this.rooms.create(doc);
    } catch (err) {
      if (isDuplicateKey(err)) throw new DuplicateKeyError('name');
      throw err;
    }
    const members = [{ userId: input.ownerId, role: 'owner' }, ...input.memberIds.filter((id) => id !== input.ownerId).map((userId) => ({ userId, role: 'member' }))];
    await this.memberships.insertMany(members.map((m) => ({ ...m, roomId: doc._id, lastReadSeq: 0, joinedAt: now })));
    return toRoom(doc, members.map((m) => m.userId));
  }

  async listChannels(userId: string, q: ChannelQuery): Promise<ChannelPage> {
    const mine = await this.memberships.distinct('roomId', { userId });
    const filter = {
      kind: 'channel',
      $or: [{ isPrivate: false }, { _id: { $in: mine } }],
      ...(q.after && { _id: { $gt: q.after } }),
      ...(q.search && { name: containsRegex(q.search) }),
    };
    const docs = await this.rooms.find(filter).sort({ _id: 1 }).limit(q.limit + 1).lean<RoomDoc[]>();
    const page = docs.slice(0, q.limit);
    return { channels: await this.withMembers(page), hasMore: docs.length > q.limit };
  }

  async findById(id: string): Promise<Room | null> {
    const doc = await this.rooms.findById(id).lean<RoomDoc>();
    return doc ? (await this.withMembers([doc]))[0] : null;
  }

  async roomIdsForUser(userId: string): Promise<string[]> {
    return this.memberships.distinct('roomId', { userId });
  }

  async summariesForUser(userId: string, q: RoomSummaryQuery): Promise<RoomSummaryPage> {
    const rows = await this.memberships.aggregate(summaryPagePipeline(userId, q));
    const models: SummaryModels = { rooms: this.rooms, memberships: this.memberships, messages: this.messages, users: this.users };
    return { rooms: await summarize(models, userId, rows.slice(0, q.limit)), hasMore: rows.length > q.limit };
  }

  private async withMembers(docs: RoomDoc[]): Promise<Room[]> {
    const members = await this.memberships.find({ roomId: { $in: docs.map((d) => d._id) } }, { roomId: 1, userId: 1 }).lean<MembershipDoc[]>();
    const byRoom = new Map<string, string[]>();
    for (const m of members) byRoom.set(m.roomId, [...(byRoom.get(m.roomId) ?? []), m.userId]);
    return docs.map((d) => toRoom(d, byRoom.get(d._id) ?? []));
  }
}
