import { Injectable } from '@nestjs/common';
import { ChannelPage, ChannelQuery, NewChannel, OpenedDirect, Room, RoomSummaryPage, RoomSummaryQuery } from '../models';
import { newObjectId } from '../object-id';
import { DuplicateKeyError, RoomRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { containsPattern, ROOM_SELECT, RoomRow, toRoom } from './sqlite-mappers';
import { SUMMARY_PAGE_SQL, SummaryRow, toSummary } from './sqlite-room-summaries';

@Injectable()
export class SqliteRoomRepository extends RoomRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async findOrCreateDirect(a: string, b: string): Promise<OpenedDirect> {
    const key = [a, b].sort().join(':');
    // An existing room is a read, so reopening a DM works while the write lock is taken.
    const existing = this.conn.db.prepare('SELECT id FROM rooms WHERE direct_key = ?').get(key) as { id: string } | undefined;
    const fresh = newObjectId();
    const id = existing?.id ?? (await this.conn.writer.run('findOrCreateDirect', fresh, key, [...new Set([a, b])], Date.now()));
    return { room: (await this.findById(id)) as Room, created: id === fresh };
  }

  async createChannel(input: NewChannel): Promise<Room> {
    const id = newObjectId();
    try {
      await this.conn.writer.run('createChannel', id, input, Date.now());
    } catch (err) {
      if (/UNIQUE constraint failed: rooms\.name/.test((err as Error).message)) throw new DuplicateKeyError('name');
      throw err;
    }
    return (await this.findById(id)) as Room;
  }

  async listChannels(userId: string, q: ChannelQuery): Promise<ChannelPage> {
    const search = q.search ? containsPattern(q.search) : null;
    const rows = this.conn.db
      .prepare(
        `${ROOM_SELECT} WHERE r.kind = 'channel' AND r.id > ?
         AND (r.is_private = 0 OR EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = r.id AND m.user_id = ?))
         AND (? IS NULL OR r.name LIKE ? ESCAPE '\\') ORDER BY r.id LIMIT ?`,
      )
      .all(q.after ?? '', userId, search, search, q.limit + 1) as RoomRow[];
    return { channels: rows.slice(0, q.limit).map(toRoom), hasMore: rows.length > q.limit };
  }

  async findById(id: string): Promise<Room | null> {
    const row = this.conn.db.prepare(`${ROOM_SELECT} WHERE r.id = ?`).get(id) as RoomRow | undefined;
    return row ? toRoom(row) : null;
  }

  async roomIdsForUser(userId: string): Promise<string[]> {
    return this.conn.db.prepare('SELECT room_id FROM memberships WHERE user_id = ?').pluck().all(userId) as string[];
  }

  async summariesForUser(userId: string, q: RoomSummaryQuery): Promise<RoomSummaryPage> {
    const cursor = { at: q.after?.activeAt ?? Number.MAX_SAFE_INTEGER, roomId: q.after?.roomId ?? '' };
    const rows = this.conn.db.prepare(SUMMARY_PAGE_SQL).all({ userId, ...cursor, limit: q.limit + 1 }) as SummaryRow[];
    return { rooms: rows.slice(0, q.limit).map(toSummary), hasMore: rows.length > q.limit };
  }
}
