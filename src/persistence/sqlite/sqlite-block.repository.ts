import { Injectable } from '@nestjs/common';
import { BlockRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';

@Injectable()
export class SqliteBlockRepository extends BlockRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  block(blockerId: string, blockedId: string): Promise<boolean> {
    return this.conn.writer.run('block', blockerId, blockedId, Date.now());
  }

  unblock(blockerId: string, blockedId: string): Promise<boolean> {
    return this.conn.writer.run('unblock', blockerId, blockedId);
  }

  async blockedBy(blockerId: string): Promise<string[]> {
    const rows = this.conn.db.prepare('SELECT blocked_id FROM blocks WHERE blocker_id = ? ORDER BY created_at, blocked_id').all(blockerId) as { blocked_id: string }[];
    return rows.map((r) => r.blocked_id);
  }
}
