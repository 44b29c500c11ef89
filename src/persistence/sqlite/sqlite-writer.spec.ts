import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../common/errors/app-error';
import { AppConfig } from '../../config/app-config';
import { SqliteConnection } from './sqlite-connection';
import { SqliteWriter } from './sqlite-writer';

const WAIT_MS = 400;

const user = (name: string) => ({ id: `id-${name}`, username: name, email: `${name}@example.com`, password_hash: 'x', created_at: 1 });

describe(SqliteWriter.name, () => {
  let conn: SqliteConnection;
  let sut: SqliteWriter;
  let other: Database.Database;

  beforeEach(async () => {
    const sqlitePath = join(mkdtempSync(join(tmpdir(), 'sqlite-writer-')), 'chat.db');
    conn = new SqliteConnection(Object.assign(new AppConfig(), { sqlitePath }));
    sut = new SqliteWriter(sqlitePath, WAIT_MS);
    other = new Database(sqlitePath);
    await sut.run('createUser', user('alice'));
  });

  afterEach(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await sut.close();
    await conn.close();
  });

  it('answers STORE.UNAVAILABLE with retryAfterMs, not the driver text, while another connection holds the lock', async () => {
    other.exec('BEGIN IMMEDIATE');
    const err = await sut.run('createUser', user('bob')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toBody()).toEqual({ code: 'STORE.UNAVAILABLE', message: expect.not.stringMatching(/SQLITE|locked/i), retryAfterMs: expect.any(Number) });
    other.exec('COMMIT');
    await expect(sut.run('createUser', user('bob'))).resolves.toBeUndefined();
  });

  it('bounds every queued write by its own deadline instead of queueing full lock waits', async () => {
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const outcomes = await Promise.allSettled(['b', 'c', 'd', 'e'].map((n) => sut.run('createUser', user(n))));
    const elapsed = Date.now() - started;
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // One shared budget: well under the 4 x WAIT_MS that waiting in turn would take.
    expect(elapsed).toBeLessThan(3 * WAIT_MS);
  });

  it('keeps the driver message and code of a constraint violation, so repositories can map it', async () => {
    const err = (await sut.run('createUser', { ...user('alice'), id: 'another', email: 'another@example.com' }).catch((e: unknown) => e)) as Error & { code?: string };
    expect(err).not.toBeInstanceOf(AppError);
    expect(err.message).toMatch(/UNIQUE constraint failed: users\.username/);
    expect(err.code).toBe('SQLITE_CONSTRAINT_UNIQUE');
  });

  it('finishes the writes already sent before it closes, then refuses new ones with STORE.UNAVAILABLE', async () => {
    const sent = sut.run('createUser', user('zed'));
    await sut.close();
    await expect(sent).resolves.toBeUndefined();
    expect(other.prepare('SELECT username FROM users WHERE id = ?').get('id-zed')).toEqual({ username: 'zed' });
    await expect(sut.run('markRead', 'room', 'alice', 1)).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
  });
});
