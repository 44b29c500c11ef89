import Database from 'better-sqlite3';
import { MIGRATIONS } from './sqlite-schema';
import { READ_STATES_SQL, UNREAD_SQL } from './sqlite-read-states';

describe('read-state queries', () => {
  const db = new Database(':memory:');
  MIGRATIONS.forEach((migration) => db.exec(migration));
  afterAll(() => db.close());

  const plan = (sql: string, ...args: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((row) => row.detail);

  it('counts unread through the (room_id, seq) index, never scanning messages', () => {
    const details = plan(UNREAD_SQL, 'r', 1, 'u');
    expect(details.join('\n')).toMatch(/SEARCH messages USING INDEX \S+ \(room_id=\? AND seq>\?\)/);
    expect(details.join('\n')).not.toMatch(/SCAN messages/);
  });

  it('reads a user\'s rooms by the memberships_by_user index, each count and max by (room_id, seq)', () => {
    const details = plan(READ_STATES_SQL, 'u', null, null).join('\n');
    expect(details).toMatch(/SEARCH me USING (COVERING )?INDEX memberships_by_user \(user_id=\?\)/);
    expect(details).toMatch(/SEARCH u USING INDEX \S+ \(room_id=\? AND seq>\?\)/);
    expect(details).not.toMatch(/SCAN (u|x|messages)\b/);
  });
});
