import { Injectable } from '@nestjs/common';
import { HistoryPage, HistoryQuery, NewMessage, SavedMessage } from '../models';
import { newObjectId } from '../object-id';
import { MessageRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { MESSAGE_SELECT, MessageRow, toMessage } from './sqlite-mappers';

@Injectable()
export class SqliteMessageRepository extends MessageRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async insertMany(messages: NewMessage[]): Promise<SavedMessage[]> {
    const db = this.conn.db;
    const insert = db.prepare(
      `INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (room_id, sender_id, temp_id) DO NOTHING`,
    );
    const existing = db.prepare('SELECT id, seq, created_at FROM messages WHERE room_id = ? AND sender_id = ? AND temp_id = ?');
    // One transaction per batch: the group commit.
    return db.transaction(() =>
      messages.map((m): SavedMessage => {
        const id = newObjectId();
        const at = m.createdAt.getTime();
        if (insert.run(id, m.roomId, m.seq, m.senderId, m.body, m.tempId, at).changes === 1) {
          return { _id: id, roomId: m.roomId, seq: m.seq, tempId: m.tempId, createdAt: m.createdAt, duplicate: false };
        }
        const row = existing.get(m.roomId, m.senderId, m.tempId) as { id: string; seq: number; created_at: number };
        return { _id: row.id, roomId: m.roomId, seq: row.seq, tempId: m.tempId, createdAt: new Date(row.created_at), duplicate: true };
      }),
    ).immediate();
  }

  async maxSeq(roomId: string): Promise<number> {
    const row = this.conn.db.prepare('SELECT max(seq) AS seq FROM messages WHERE room_id = ?').get(roomId) as { seq: number | null };
    return row.seq ?? 0;
  }

  async history(roomId: string, q: HistoryQuery): Promise<HistoryPage> {
    const ascending = q.after !== undefined;
    const sql = `${MESSAGE_SELECT} WHERE msg.room_id = ? AND msg.seq > ? AND msg.seq < ?
      ORDER BY msg.seq ${ascending ? 'ASC' : 'DESC'} LIMIT ?`;
    const rows = this.conn.db
      .prepare(sql)
      .all(roomId, q.after ?? 0, q.before ?? Number.MAX_SAFE_INTEGER, q.limit + 1) as MessageRow[];
    const hasMore = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    if (!ascending) page.reverse();
    return { messages: page.map(toMessage), hasMore };
  }
}
