import Database from 'better-sqlite3';
import { MESSAGE_SELECT } from './sqlite-mappers';
import { MIGRATIONS } from './sqlite-schema';

describe('SQLite migrations', () => {
  let sut: Database.Database;
  beforeEach(() => (sut = new Database(':memory:')));
  afterEach(() => sut.close());

  it('gives messages saved without a rev (before the room stream, or by an older writer) rev = seq, and reads the stream through the (room_id, rev) index', () => {
    MIGRATIONS.slice(0, 2).forEach((m) => sut.exec(m));
    const insert = sut.prepare("INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at) VALUES (?, 'r', ?, 's', 'b', ?, 1)");
    [3, 5].forEach((seq) => insert.run(`m${seq}`, seq, `t${seq}`));
    MIGRATIONS.slice(2).forEach((m) => sut.exec(m));
    insert.run('m7', 7, 't7');
    expect(sut.prepare('SELECT seq, rev FROM messages ORDER BY seq').all()).toEqual([{ seq: 3, rev: 3 }, { seq: 5, rev: 5 }, { seq: 7, rev: 7 }]);
    const plan = sut.prepare(`EXPLAIN QUERY PLAN ${MESSAGE_SELECT} WHERE msg.room_id = ? AND msg.rev > ? ORDER BY msg.rev LIMIT ?`).all('r', 0, 10) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/msg USING INDEX messages_room_rev \(room_id=\? AND rev>\?\)/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE|SCAN msg/);
  });
});
