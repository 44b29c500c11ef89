// Block writes, run by the writer thread (sqlite-writer.worker.js).
const db = require('./sqlite-writer.db');

const insertBlock = db.prepare('INSERT OR IGNORE INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)');
const deleteBlock = db.prepare('DELETE FROM blocks WHERE blocker_id = ? AND blocked_id = ?');

module.exports = {
  block: (blockerId, blockedId, now) => insertBlock.run(blockerId, blockedId, now).changes > 0,
  unblock: (blockerId, blockedId) => deleteBlock.run(blockerId, blockedId).changes > 0,
};
