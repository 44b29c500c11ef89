import { Model } from 'mongoose';
import { MessageDoc } from './schemas/message.schema';
import { RoomDoc } from './schemas/room.schema';

/**
 * Moves each room's lastMessageAt forward ($max: never back) to its newest message of the batch,
 * in one round trip. Runs before the batch is answered: if it throws, the batch is retried, and
 * the messages already inserted are answered as saved (duplicates of their tempIds).
 */
export async function recordActivity(rooms: Model<RoomDoc>, inserted: MessageDoc[]): Promise<void> {
  const newest = new Map<string, Date>();
  for (const m of inserted) if (!(newest.get(m.roomId)! >= m.createdAt)) newest.set(m.roomId, m.createdAt);
  if (newest.size === 0) return;
  await rooms.bulkWrite([...newest].map(([_id, at]) => ({ updateOne: { filter: { _id }, update: { $max: { lastMessageAt: at } } } })), { ordered: false });
}
