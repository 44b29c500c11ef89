// Membership writes, run by the writer thread (sqlite-writer.worker.js).
const db = require('./sqlite-writer.db');

const insertMember = db.prepare('INSERT OR IGNORE INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');
const deleteMember = db.prepare('DELETE FROM memberships WHERE room_id = ? AND user_id = ? RETURNING role');
const promoteSuccessor = db.prepare(
  `UPDATE memberships SET role = 'owner' WHERE room_id = ? AND user_id =
    (SELECT user_id FROM memberships WHERE room_id = ? ORDER BY role = 'admin' DESC, joined_at, user_id LIMIT 1)`,
);
const moveReadMarker = db.prepare(
  'UPDATE memberships SET last_read_seq = ? WHERE room_id = ? AND user_id = ? AND last_read_seq < ? RETURNING last_read_seq',
);
const readMarker = db.prepare('SELECT last_read_seq FROM memberships WHERE room_id = ? AND user_id = ?');

// An owner who leaves hands ownership on in the same transaction, so a room never lacks one.
const removeMember = db.transaction((roomId, userId) => {
  const row = deleteMember.get(roomId, userId);
  if (row?.role === 'owner') promoteSuccessor.run(roomId, roomId);
  return row !== undefined;
});

// Moves only forward; `moved` tells the caller whether to announce a receipt.
const markRead = (roomId, userId, seq) => {
  if (moveReadMarker.get(seq, roomId, userId, seq)) return { lastReadSeq: seq, moved: true };
  const row = readMarker.get(roomId, userId);
  return row ? { lastReadSeq: row.last_read_seq, moved: false } : null;
};

module.exports = {
  addMember: (roomId, userId, role, now) => insertMember.run(roomId, userId, role, now).changes === 1,
  removeMember: (roomId, userId) => removeMember.immediate(roomId, userId),
  markRead,
};
