import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { StoreHealth } from '../ports';
import { MIGRATIONS } from './sqlite-schema';

/** The one better-sqlite3 handle: WAL mode, migrated on open, closed last on shutdown. */
@Injectable()
export class SqliteConnection extends StoreHealth implements OnApplicationShutdown {
  private readonly logger = new Logger(SqliteConnection.name);
  readonly db: Database.Database;

  constructor(config: AppConfig) {
    super();
    if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
    this.db = new Database(config.sqlitePath);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
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

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
