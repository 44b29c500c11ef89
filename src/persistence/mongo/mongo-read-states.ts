import { PipelineStage } from 'mongoose';
import { UNREAD_CAP } from '../models';

/**
 * The read state of each of a user's rooms in one aggregation over memberships: the highest
 * seq and the unread count come from two lookups into messages by (roomId, seq), the
 * `history` index, so each costs the unread range, never the room's whole history.
 */
export function readStatesPipeline(userId: string, roomId?: string): PipelineStage[] {
  return [
    { $match: roomId === undefined ? { userId } : { userId, roomId } },
    {
      $lookup: {
        from: 'messages',
        localField: 'roomId',
        foreignField: 'roomId',
        pipeline: [{ $sort: { seq: -1 } }, { $limit: 1 }, { $project: { _id: 0, seq: 1 } }],
        as: 'last',
      },
    },
    {
      $lookup: {
        from: 'messages',
        localField: 'roomId',
        foreignField: 'roomId',
        let: { read: '$lastReadSeq' },
        pipeline: [{ $match: { $expr: { $gt: ['$seq', '$$read'] }, senderId: { $ne: userId } } }, { $limit: UNREAD_CAP }, { $count: 'n' }],
        as: 'unread',
      },
    },
    {
      $project: {
        _id: 0,
        roomId: 1,
        lastReadSeq: 1,
        lastSeq: { $ifNull: [{ $first: '$last.seq' }, 0] },
        unread: { $ifNull: [{ $first: '$unread.n' }, 0] },
      },
    },
  ];
}
