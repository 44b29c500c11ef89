import { Injectable } from '@nestjs/common';
import { HistoryPage, HistoryQuery, NewMessage, SavedMessage } from '../models';
import { newObjectId } from '../object-id';
import { MessageRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { MESSAGE_SELECT, MessageRow, toMessage } from './sqlite-mappers';
import { InsertRow } from './sqlite-writer';

@Injectable()
export class SqliteMessageRepository extends MessageRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async insertMany(messages: NewMessage[]): Promise<SavedMessage[]> {
    const rows = messages.map((m): InsertRow => [newObjectId(), m.roomId, m.seq, m.senderId, m.body, m.tempId, m.createdAt.getTime()]);
    const results = await this.conn.writer.insert(rows);
    return results.map(([id, seq, createdAt, duplicate], i) => ({
      _id: id,
      roomId: messages[i].roomId,
      seq,
      tempId: messages[i].tempId,
      createdAt: new Date(createdAt),
      duplicate,
    }));
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
