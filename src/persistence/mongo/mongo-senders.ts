import { Model } from 'mongoose';
import { StoredMessage } from '../models';
import { toMessage } from './mongo-mappers';
import { MessageDoc } from './schemas/message.schema';
import { UserDoc } from './schemas/user.schema';

/** The documents as domain messages, with every sender's username read in one query. */
export async function withSenders(users: Model<UserDoc>, docs: MessageDoc[]): Promise<StoredMessage[]> {
  const senders = await users.find({ _id: { $in: [...new Set(docs.map((d) => d.senderId))] } }, { username: 1 }).lean<UserDoc[]>();
  const byId = new Map(senders.map((u) => [u._id, { id: u._id, username: u.username }]));
  return docs.map((d) => toMessage(d, byId.get(d.senderId)));
}
