import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { HistoryPage, HistoryQuery, NewMessage, SavedMessage } from '../models';
import { newObjectId } from '../object-id';
import { MessageRepository } from '../ports';
import { toMessage } from './mongo-mappers';
import { duplicateIndexes, historyFind } from './mongo-queries';
import { MessageDoc } from './schemas/message.schema';
import { UserDoc } from './schemas/user.schema';

@Injectable()
export class MongoMessageRepository extends MessageRepository {
  constructor(
    @InjectModel(MessageDoc.name) private readonly messages: Model<MessageDoc>,
    @InjectModel(UserDoc.name) private readonly users: Model<UserDoc>,
  ) {
    super();
  }

  /** Group commit with insertMany (ordered: false). A tempId already stored is "already saved", not a failure. */
  async insertMany(batch: NewMessage[]): Promise<SavedMessage[]> {
    const docs: MessageDoc[] = batch.map((m) => ({ _id: newObjectId(), ...m }));
    let duplicates = new Set<number>();
    try {
      await this.messages.insertMany(docs, { ordered: false });
    } catch (err) {
      // Only duplicate keys can be "already saved"; anything else is retried (and may then be duplicates).
      const onlyDuplicates = duplicateIndexes(err);
      if (!onlyDuplicates) throw err;
      duplicates = onlyDuplicates;
    }
    return Promise.all(docs.map(async (d, i): Promise<SavedMessage> => {
      if (!duplicates.has(i)) return { _id: d._id, roomId: d.roomId, seq: d.seq, tempId: d.tempId, createdAt: d.createdAt, duplicate: false };
      const original = await this.messages.findOne({ roomId: d.roomId, senderId: d.senderId, tempId: d.tempId }).lean<MessageDoc>();
      // An E11000 that is not the tempId (a seq clash) leaves no original: fail the batch rather than lie.
      if (!original) throw new Error(`duplicate key for message seq ${d.seq} of room ${d.roomId}`);
      return { _id: original._id, roomId: d.roomId, seq: original.seq, tempId: d.tempId, createdAt: original.createdAt, duplicate: true };
    }));
  }

  async maxSeq(roomId: string): Promise<number> {
    const last = await this.messages.findOne({ roomId }, { seq: 1 }).sort({ seq: -1 }).lean<MessageDoc>();
    return last?.seq ?? 0;
  }

  async history(roomId: string, q: HistoryQuery): Promise<HistoryPage> {
    const find = historyFind(roomId, q);
    const docs = await this.messages.find(find.filter).sort(find.sort).limit(find.limit).lean<MessageDoc[]>();
    const page = docs.slice(0, q.limit);
    if (!find.ascending) page.reverse();
    const senders = await this.users.find({ _id: { $in: [...new Set(page.map((d) => d.senderId))] } }, { username: 1 }).lean<UserDoc[]>();
    const byId = new Map(senders.map((u) => [u._id, { id: u._id, username: u.username }]));
    return { messages: page.map((d) => toMessage(d, byId.get(d.senderId))), hasMore: docs.length > q.limit };
  }
}
