import { Model, PipelineStage } from 'mongoose';
import { RoomSummary, RoomSummaryQuery, UNREAD_CAP } from '../models';
import { toRoom } from './mongo-mappers';
import { withSenders } from './mongo-senders';
import { MembershipDoc } from './schemas/membership.schema';
import { MessageDoc } from './schemas/message.schema';
import { RoomDoc } from './schemas/room.schema';
import { UserDoc } from './schemas/user.schema';

export interface SummaryModels {
  rooms: Model<RoomDoc>;
  memberships: Model<MembershipDoc>;
  messages: Model<MessageDoc>;
  users: Model<UserDoc>;
}

interface PageRow {
  roomId: string;
  lastReadSeq: number;
  activeAt: Date;
  lastSeq: number;
}

/**
 * Orders a user's memberships most recently active first: one room read by _id each (its
 * lastMessageAt, no messages), then only the page's rows read their room's highest seq.
 */
export function summaryPagePipeline(userId: string, q: RoomSummaryQuery): PipelineStage[] {
  const at = q.after && new Date(q.after.activeAt);
  return [
    { $match: { userId } },
    { $lookup: { from: 'rooms', localField: 'roomId', foreignField: '_id', pipeline: [{ $project: { _id: 0, lastMessageAt: 1 } }], as: 'room' } },
    // $max skips a missing value: a room without messages is as recent as the user's joining.
    { $set: { activeAt: { $max: ['$joinedAt', { $first: '$room.lastMessageAt' }] } } },
    ...(q.after ? [{ $match: { $or: [{ activeAt: { $lt: at } }, { activeAt: at, roomId: { $lt: q.after.roomId } }] } }] : []),
    { $sort: { activeAt: -1, roomId: -1 } },
    { $limit: q.limit + 1 },
    { $lookup: { from: 'messages', localField: 'roomId', foreignField: 'roomId', pipeline: [{ $sort: { seq: -1 } }, { $limit: 1 }, { $project: { _id: 0, seq: 1 } }], as: 'last' } },
    { $project: { _id: 0, roomId: 1, lastReadSeq: 1, activeAt: 1, lastSeq: { $ifNull: [{ $first: '$last.seq' }, 0] } } },
  ];
}

/** The page's rooms in full: member counts, DM members, last messages and unread counts, by room id sets. */
export async function summarize(m: SummaryModels, userId: string, page: PageRow[]): Promise<RoomSummary[]> {
  const ids = page.map((p) => p.roomId);
  const withMessages = page.filter((p) => p.lastSeq > 0);
  const [docs, counts, lastDocs, unread] = await Promise.all([
    m.rooms.find({ _id: { $in: ids } }).lean<RoomDoc[]>(),
    m.memberships.aggregate<{ _id: string; n: number }>([{ $match: { roomId: { $in: ids } } }, { $group: { _id: '$roomId', n: { $sum: 1 } } }]),
    withMessages.length ? m.messages.find({ $or: withMessages.map((p) => ({ roomId: p.roomId, seq: p.lastSeq })) }).lean<MessageDoc[]>() : [],
    Promise.all(page.map((p) => m.messages.countDocuments({ roomId: p.roomId, seq: { $gt: p.lastReadSeq }, senderId: { $ne: userId } }, { limit: UNREAD_CAP }))),
  ]);
  const direct = docs.filter((d) => d.kind === 'direct').map((d) => d._id);
  const dmMembers = await m.memberships.find({ roomId: { $in: direct } }, { roomId: 1, userId: 1 }).lean<MembershipDoc[]>();
  const last = new Map((await withSenders(m.users, lastDocs)).map((msg) => [msg.roomId, msg]));
  const rooms = new Map(docs.map((d) => [d._id, d]));
  const count = new Map(counts.map((c) => [c._id, c.n]));
  return page.flatMap((p, i) => {
    const doc = rooms.get(p.roomId);
    if (!doc) return [];
    const { memberIds, ...room } = toRoom(doc, dmMembers.filter((d) => d.roomId === p.roomId).map((d) => d.userId));
    return [{
      ...room,
      ...(doc.kind === 'direct' && { memberIds }),
      memberCount: count.get(p.roomId) ?? 0,
      lastActivityAt: p.activeAt,
      lastMessage: last.get(p.roomId) ?? null,
      unreadCount: unread[i],
      lastSeq: p.lastSeq,
      lastReadSeq: p.lastReadSeq,
    }];
  });
}
