import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { StoreHealth } from '../ports';
import { MIGRATIONS } from './sqlite-schema';
import { SqliteWriter } from './sqlite-writer';

/**
 * The store's connections: this thread's handle for reads (and the migrations, before the
 * server listens) and the writer thread for every write. WAL mode, closed last on shutdown.
 */
@Injectable()
export class SqliteConnection extends StoreHealth implements OnApplicationShutdown {
  private readonly logger = new Logger(SqliteConnection.name);
  readonly db: Database.Database;
  readonly writer: SqliteWriter;

  constructor(config: AppConfig) {
    super();
    if (config.sqlitePath === ':memory:') throw new Error('SQLITE_PATH must be a file: the writer thread opens it too');
    mkdirSync(dirname(config.sqlitePath), { recursive: true });
    this.db = new Database(config.sqlitePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.writer = new SqliteWriter(config.sqlitePath);
    this.logger.log(`SQLite store at ${config.sqlitePath}`);
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    for (let i = version; i < MIGRATIONS.length; i++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[i]);
        this.db.pragma(`user_version = ${i + 1}`);
      })();
    }
  }

  async ping(): Promise<void> {
    if (!this.db.open) throw new Error('SQLite store is closed');
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}
