// Writes users and rooms straight into a fresh SQLite file (registering thousands of users
// through scrypt would take minutes) and signs their tokens with the server's secret.
const Database = require('better-sqlite3');
const jwt = require('jsonwebtoken');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { MIGRATIONS } = require('../dist/persistence/sqlite/sqlite-schema');

const SECRET = 'bench-secret-0123456789abcdef';
const hexId = (prefix, i) => prefix + i.toString(16).padStart(23, '0');

/** rooms: [{ kind: 'direct'|'channel', members: number, from?: number }]. Users are shared: room k uses users from..from+members-1 (from defaults to 0). */
function seed(userCount, rooms) {
  const path = join(mkdtempSync(join(tmpdir(), 'chat-bench-')), 'chat.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  MIGRATIONS.forEach((sql, i) => { db.exec(sql); db.pragma(`user_version = ${i + 1}`); });
  const now = Date.now();
  const users = Array.from({ length: userCount }, (_, i) => ({ id: hexId('a', i), username: `bench${i}` }));
  const roomIds = rooms.map((_, k) => hexId('b', k));
  db.transaction(() => {
    const user = db.prepare('INSERT INTO users VALUES (?, ?, ?, ?, ?)');
    users.forEach((u) => user.run(u.id, u.username, `${u.username}@bench.local`, 'scrypt$x', now));
    const room = db.prepare('INSERT INTO rooms (id, kind, name, is_private, direct_key, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const member = db.prepare("INSERT INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, 'member', ?)");
    rooms.forEach((r, k) => {
      const direct = r.kind === 'direct';
      const from = r.from ?? 0;
      room.run(roomIds[k], r.kind, direct ? null : `bench-${k}`, direct ? 1 : 0, direct ? `${users[from].id}:${users[from + 1].id}` : null, now);
      for (let i = from; i < from + r.members; i++) member.run(roomIds[k], users[i].id, now);
    });
  })();
  db.close();
  const tokens = users.map((u) => jwt.sign({ sub: u.id, username: u.username }, SECRET, { expiresIn: '1h' }));
  return { path, tokens, roomIds, env: { SQLITE_PATH: path, JWT_SECRET: SECRET } };
}

module.exports = { seed };
