import { Injectable } from '@nestjs/common';
import type { Statement } from 'better-sqlite3';
import { HistoryPage, HistoryQuery, NewMessage, RoomPosition, SaveOutcome, SavedMessage, StreamPage } from '../models';
import { newObjectId } from '../object-id';
import { MessageRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { MESSAGE_SELECT, MessageRow, toMessage } from './sqlite-mappers';
import { InsertRow } from './sqlite-writer';

@Injectable()
export class SqliteMessageRepository extends MessageRepository {
  private byTempId?: Statement;
  private byRev?: Statement;
  private highestSeq?: Statement;

  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async insertMany(messages: NewMessage[]): Promise<SaveOutcome[]> {
    const rows = messages.map((m): InsertRow => [newObjectId(), m.roomId, m.seq, m.senderId, m.body, m.tempId, m.createdAt.getTime()]);
    const results = await this.conn.writer.insert(rows);
    return results.map((r, i): SaveOutcome => {
      if (r[0] === 'rejected') return { status: 'rejected', reason: r[1], retryable: r[2] };
      const [, id, seq, createdAt] = r;
      const m = messages[i];
      return { status: 'saved', saved: { _id: id, roomId: m.roomId, seq, tempId: m.tempId, createdAt: new Date(createdAt), duplicate: id !== rows[i][0] } };
    });
  }

  // A point read on the unique index; WAL readers never wait for the writer's lock.
  async findByTempId(roomId: string, senderId: string, tempId: string): Promise<SavedMessage | null> {
    this.byTempId ??= this.conn.db.prepare('SELECT id, seq, created_at FROM messages WHERE room_id = ? AND sender_id = ? AND temp_id = ?');
    const row = this.byTempId.get(roomId, senderId, tempId) as { id: string; seq: number; created_at: number } | undefined;
    return row ? { _id: row.id, roomId, seq: row.seq, tempId, createdAt: new Date(row.created_at), duplicate: true } : null;
  }

  reserveSeq(roomId: string, size: number): Promise<number> {
    return this.conn.writer.run('reserveSeq', roomId, size);
  }

  releaseSeq(positions: RoomPosition[]): Promise<void> {
    return this.conn.writer.run('releaseSeq', positions);
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

  // Both reads in one synchronous step: the page and lastSeq describe the same moment.
  async stream(roomId: string, afterRev: number, limit: number): Promise<StreamPage> {
    this.byRev ??= this.conn.db.prepare(`${MESSAGE_SELECT} WHERE msg.room_id = ? AND msg.rev > ? ORDER BY msg.rev LIMIT ?`);
    this.highestSeq ??= this.conn.db.prepare('SELECT coalesce(max(seq), 0) AS last FROM messages WHERE room_id = ?');
    const rows = this.byRev.all(roomId, afterRev, limit + 1) as MessageRow[];
    const { last } = this.highestSeq.get(roomId) as { last: number };
    return { messages: rows.slice(0, limit).map(toMessage), hasMore: rows.length > limit, lastSeq: last };
  }
}
