import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { HistoryPage, HistoryQuery, NewMessage, RoomPosition, SaveOutcome, SavedMessage, StreamPage } from '../models';
import { newObjectId } from '../object-id';
import { MessageRepository } from '../ports';
import { historyFind, InsertResult, insertResults } from './mongo-queries';
import { recordActivity } from './mongo-room-activity';
import { withSenders } from './mongo-senders';
import { MessageDoc } from './schemas/message.schema';
import { RoomPositionDoc } from './schemas/room-position.schema';
import { RoomDoc } from './schemas/room.schema';
import { UserDoc } from './schemas/user.schema';

@Injectable()
export class MongoMessageRepository extends MessageRepository implements OnModuleInit {
  constructor(
    @InjectModel(MessageDoc.name) private readonly messages: Model<MessageDoc>,
    @InjectModel(UserDoc.name) private readonly users: Model<UserDoc>,
    @InjectModel(RoomPositionDoc.name) private readonly positions: Model<RoomPositionDoc>,
    @InjectModel(RoomDoc.name) private readonly rooms: Model<RoomDoc>,
  ) {
    super();
  }

  // Messages saved before the room stream existed take rev = seq, once, so the stream index sees them.
  async onModuleInit(): Promise<void> {
    await this.messages.updateMany({ rev: { $exists: false } }, [{ $set: { rev: '$seq' } }]);
  }

  /**
   * Group commit with insertMany (unordered, so one refused document does not stop the rest; not
   * atomic). A duplicate key is the tempId already stored (answered with the stored message) or,
   * when none is, a position taken by another writer.
   */
  async insertMany(batch: NewMessage[]): Promise<SaveOutcome[]> {
    const docs: MessageDoc[] = batch.map((m) => ({ _id: newObjectId(), ...m, rev: m.seq }));
    let results: InsertResult[] = docs.map(() => 'inserted');
    try {
      await this.messages.insertMany(docs, { ordered: false, throwOnValidationError: true });
    } catch (err) {
      results = insertResults(err, docs.length) ?? [];
      if (results.length === 0) throw err;
    }
    await recordActivity(this.rooms, docs.filter((_, i) => results[i] === 'inserted'));
    return Promise.all(docs.map((d, i) => this.outcome(d, results[i])));
  }

  private async outcome(d: MessageDoc, result: InsertResult): Promise<SaveOutcome> {
    if (result === 'inserted') return { status: 'saved', saved: { _id: d._id, roomId: d.roomId, seq: d.seq, tempId: d.tempId, createdAt: d.createdAt, duplicate: false } };
    if (result === 'invalid') return { status: 'rejected', reason: 'the store refused this message (validation)', retryable: false };
    const original = await this.findByTempId(d.roomId, d.senderId, d.tempId);
    if (original) return { status: 'saved', saved: original };
    return { status: 'rejected', reason: `position ${d.seq} is taken`, retryable: true };
  }

  async findByTempId(roomId: string, senderId: string, tempId: string): Promise<SavedMessage | null> {
    const doc = await this.messages.findOne({ roomId, senderId, tempId }, { seq: 1, createdAt: 1 }).lean<MessageDoc>();
    return doc ? { _id: doc._id, roomId, seq: doc.seq, tempId, createdAt: doc.createdAt, duplicate: true } : null;
  }

  async reserveSeq(roomId: string, size: number): Promise<number> {
    const highest = await this.maxSeq(roomId);
    // An update pipeline: max(reserved, highest) + size in one atomic step.
    const doc = await this.positions
      .findOneAndUpdate(
        { _id: roomId },
        [{ $set: { reserved: { $add: [{ $max: [{ $ifNull: ['$reserved', 0] }, highest] }, size] } } }],
        { upsert: true, new: true },
      )
      .lean<RoomPositionDoc>();
    return doc!.reserved;
  }

  async releaseSeq(positions: RoomPosition[]): Promise<void> {
    for (const { roomId, last, limit } of positions) {
      const reserved = Math.max(last, await this.maxSeq(roomId));
      await this.positions.updateOne({ _id: roomId, reserved: limit }, { $set: { reserved } });
    }
  }

  private async maxSeq(roomId: string): Promise<number> {
    const last = await this.messages.findOne({ roomId }, { seq: 1 }).sort({ seq: -1 }).lean<MessageDoc>();
    return last?.seq ?? 0;
  }

  async history(roomId: string, q: HistoryQuery): Promise<HistoryPage> {
    const find = historyFind(roomId, q);
    const docs = await this.messages.find(find.filter).sort(find.sort).limit(find.limit).lean<MessageDoc[]>();
    const page = docs.slice(0, q.limit);
    if (!find.ascending) page.reverse();
    return { messages: await withSenders(this.users, page), hasMore: docs.length > q.limit };
  }

  async stream(roomId: string, afterRev: number, limit: number): Promise<StreamPage> {
    const [docs, lastSeq] = await Promise.all([
      this.messages.find({ roomId, rev: { $gt: afterRev } }).sort({ rev: 1 }).limit(limit + 1).lean<MessageDoc[]>(),
      this.maxSeq(roomId),
    ]);
    return { messages: await withSenders(this.users, docs.slice(0, limit)), hasMore: docs.length > limit, lastSeq };
  }
}
