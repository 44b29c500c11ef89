import { Injectable } from '@nestjs/common';
import { ChannelPage, ChannelQuery, NewChannel, Room, RoomSummary } from '../models';
import { newObjectId } from '../object-id';
import { DuplicateKeyError, RoomRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { containsPattern, MESSAGE_SELECT, MessageRow, ROOM_SELECT, RoomRow, toMessage, toRoom } from './sqlite-mappers';

@Injectable()
export class SqliteRoomRepository extends RoomRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async findOrCreateDirect(a: string, b: string): Promise<Room> {
    const key = [a, b].sort().join(':');
    const db = this.conn.db;
    const id = db.transaction(() => {
      const existing = db.prepare('SELECT id FROM rooms WHERE direct_key = ?').get(key) as { id: string } | undefined;
      if (existing) return existing.id;
      const now = Date.now();
      const roomId = newObjectId();
      db.prepare("INSERT INTO rooms (id, kind, is_private, direct_key, created_at) VALUES (?, 'direct', 1, ?, ?)").run(roomId, key, now);
      const member = db.prepare('INSERT INTO memberships (room_id, user_id, joined_at) VALUES (?, ?, ?)');
      for (const userId of new Set([a, b])) member.run(roomId, userId, now);
      return roomId;
    }).immediate();
    return (await this.findById(id)) as Room;
  }

  async createChannel(input: NewChannel): Promise<Room> {
    const db = this.conn.db;
    const id = newObjectId();
    const now = Date.now();
    try {
      db.transaction(() => {
        db.prepare("INSERT INTO rooms (id, kind, name, description, is_private, created_at) VALUES (?, 'channel', ?, ?, ?, ?)")
          .run(id, input.name, input.description, input.isPrivate ? 1 : 0, now);
        const member = db.prepare('INSERT OR IGNORE INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
        member.run(id, input.ownerId, 'owner', now);
        for (const userId of input.memberIds) member.run(id, userId, 'member', now);
      }).immediate();
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

  async findForUser(userId: string): Promise<Room[]> {
    const rows = this.conn.db
      .prepare(`${ROOM_SELECT} JOIN memberships me ON me.room_id = r.id AND me.user_id = ? ORDER BY r.created_at`)
      .all(userId) as RoomRow[];
    return rows.map(toRoom);
  }

  async summariesForUser(userId: string): Promise<RoomSummary[]> {
    const db = this.conn.db;
    const last = db.prepare(`${MESSAGE_SELECT} WHERE msg.room_id = ? ORDER BY msg.seq DESC LIMIT 1`);
    const unread = db.prepare(
      `SELECT count(*) AS n FROM messages msg JOIN memberships me ON me.room_id = msg.room_id AND me.user_id = ?
       WHERE msg.room_id = ? AND msg.seq > me.last_read_seq AND msg.sender_id != ?`,
    );
    const rooms = await this.findForUser(userId);
    return rooms.map((room) => {
      const row = last.get(room.id) as MessageRow | undefined;
      const { n } = unread.get(userId, room.id, userId) as { n: number };
      return { ...room, lastMessage: row ? toMessage(row) : null, unreadCount: n };
    });
  }
}
