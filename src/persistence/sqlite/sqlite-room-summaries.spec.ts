import Database from 'better-sqlite3';
import { MIGRATIONS } from './sqlite-schema';
import { SUMMARY_PAGE_SQL } from './sqlite-room-summaries';

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

describe('room summary page query', () => {
  const db = new Database(':memory:');
  MIGRATIONS.forEach((migration) => db.exec(migration));
  afterAll(() => db.close());

  const plan = db.prepare(`EXPLAIN QUERY PLAN ${SUMMARY_PAGE_SQL}`).all({ userId: 'u', at: 1, roomId: 'r', limit: 3 }) as PlanRow[];
  /** The details of a plan node's whole subtree. */
  const under = (detail: string): string[] => {
    const root = plan.find((row) => row.detail === detail);
    if (!root) return [];
    const ids = new Set([root.id]);
    for (const row of plan) if (ids.has(row.parent)) ids.add(row.id);
    return plan.filter((row) => ids.has(row.parent)).map((row) => row.detail);
  };

  it('orders the user\'s rooms by the memberships_by_user index and one room key read each, reading no messages', () => {
    const perRoom = under('MATERIALIZE mine');
    expect(perRoom).toContainEqual(expect.stringMatching(/^SEARCH me USING COVERING INDEX memberships_by_user \(user_id=\?\)/));
    expect(perRoom).toContainEqual(expect.stringMatching(/^SEARCH r USING INDEX sqlite_autoindex_rooms_1 \(id=\?\)/));
    expect(perRoom.join('\n')).not.toMatch(/messages|SEARCH (x|u|m)\b|SCAN/);
  });

  it('counts members, reads DM members, the last message and unread for the page\'s rows only', () => {
    const all = plan.map((row) => row.detail).join('\n');
    expect(all).toMatch(/SCAN p\b/);
    expect(under('MATERIALIZE page').join('\n')).not.toMatch(/memberships_by_join|seq>\?/);
    expect(all).toMatch(/SEARCH m USING COVERING INDEX memberships_by_join \(room_id=\?\)/);
    expect(all).toMatch(/SEARCH u USING INDEX \S+ \(room_id=\? AND seq>\?\)/);
  });
});
