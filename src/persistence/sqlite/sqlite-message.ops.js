// The messages' group commit, on its own thread and connection: an fsync or a WAL
// checkpoint never stalls the event loop that delivers messages. Plain JavaScript so the
// same file runs under ts-jest (src/) and in production (copied to dist/ by nest build).
// The writer thread (sqlite-writer.worker.js) runs it as the op insertMessages.
const db = require('./sqlite-writer.db');

const insert = db.prepare(
  `INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (room_id, sender_id, temp_id) DO NOTHING`,
);
const existing = db.prepare('SELECT id, seq, created_at FROM messages WHERE room_id = ? AND sender_id = ? AND temp_id = ?');

// rows: [id, roomId, seq, senderId, body, tempId, createdAt]; answers [id, seq, createdAt, duplicate] each.
const insertAll = db.transaction((rows) =>
  rows.map((r) => {
    if (insert.run(...r).changes === 1) return [r[0], r[2], r[6], false];
    const row = existing.get(r[1], r[3], r[5]);
    return [row.id, row.seq, row.created_at, true];
  }),
);

module.exports = {
  insertMessages: (rows) => insertAll.immediate(rows),
};
