import { Injectable } from '@nestjs/common';
import { User, UserCredentials, UserSummary } from '../models';
import { newObjectId } from '../object-id';
import { DuplicateKeyError, UserRepository } from '../ports';
import { SqliteConnection } from './sqlite-connection';
import { containsPattern } from './sqlite-mappers';
import { UserRow } from './sqlite-write-ops';

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, email: r.email, createdAt: new Date(r.created_at) });

@Injectable()
export class SqliteUserRepository extends UserRepository {
  constructor(private readonly conn: SqliteConnection) {
    super();
  }

  async create(input: { username: string; email: string; passwordHash: string }): Promise<User> {
    const row: UserRow = {
      id: newObjectId(),
      username: input.username,
      email: input.email,
      password_hash: input.passwordHash,
      created_at: Date.now(),
    };
    try {
      await this.conn.writer.run('createUser', row);
    } catch (err) {
      const match = /UNIQUE constraint failed: users\.(\w+)/.exec((err as Error).message);
      if (match) throw new DuplicateKeyError(match[1]);
      throw err;
    }
    return toUser(row);
  }

  async findById(id: string): Promise<User | null> {
    const row = this.conn.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  async findCredentials(username: string): Promise<UserCredentials | null> {
    const row = this.conn.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async search(query: string, limit: number): Promise<UserSummary[]> {
    return this.conn.db
      .prepare("SELECT id, username FROM users WHERE username LIKE ? ESCAPE '\\' ORDER BY username LIMIT ?")
      .all(containsPattern(query), limit) as UserSummary[];
  }
}
