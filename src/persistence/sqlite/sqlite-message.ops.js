// Message writes and position reservations, run on the writer thread (sqlite-writer.worker.js).
const db = require('./sqlite-writer.db');

const insert = db.prepare(
  `INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
   ON CONFLICT (room_id, sender_id, temp_id) DO NOTHING`,
);
const existing = db.prepare('SELECT id, seq, created_at FROM messages WHERE room_id = ? AND sender_id = ? AND temp_id = ?');
const highest = 'coalesce((SELECT max(seq) FROM messages WHERE room_id = :roomId), 0)';
const reserve = db.prepare(
  `INSERT INTO room_positions (room_id, reserved) VALUES (:roomId, ${highest} + :size)
   ON CONFLICT (room_id) DO UPDATE SET reserved = max(reserved, ${highest}) + :size RETURNING reserved`,
);
const release = db.prepare(`UPDATE room_positions SET reserved = max(:last, ${highest}) WHERE room_id = :roomId AND reserved = :limit`);

// rows: [id, roomId, seq, senderId, body, tempId, createdAt]; answers per row
// ['saved', id, seq, createdAt] (a stored tempId answers the stored row) or ['rejected', reason, retryable].
// A new message's rev is its seq.
function insertOne(r) {
  if (insert.run(...r, r[2]).changes === 1) return ['saved', r[0], r[2], r[6]];
  const row = existing.get(r[1], r[3], r[5]);
  return ['saved', row.id, row.seq, row.created_at];
}
const insertAll = db.transaction((rows) => rows.map(insertOne));
// Each row in its own savepoint: a row the store refuses is rolled back alone.
const insertSavepoint = db.transaction(insertOne);
const insertEach = db.transaction((rows) =>
  rows.map((r) => {
    try {
      return insertSavepoint(r);
    } catch (err) {
      if (!isConstraint(err)) throw err;
      // A position already taken (another writer) passes on a resend, which takes a new one.
      return ['rejected', `the store refused this message (${err.code})`, err.code === 'SQLITE_CONSTRAINT_UNIQUE'];
    }
  }),
);
const isConstraint = (err) => typeof err.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT');

module.exports = {
  insertMessages(rows) {
    try {
      return insertAll.immediate(rows);
    } catch (err) {
      // Only a constraint is the rows' own fault; anything else (busy, I/O) fails the batch for a retry.
      if (!isConstraint(err)) throw err;
      return insertEach.immediate(rows);
    }
  },
  reserveSeq: (roomId, size) => reserve.get({ roomId, size }).reserved,
  releaseSeq: db.transaction((positions) => positions.forEach((p) => release.run(p))),
};
