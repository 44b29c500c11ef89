// Room writes, run by the writer thread (sqlite-writer.worker.js). Ids and times come from
// the caller so both threads agree on them.
const db = require('./sqlite-writer.db');

const directByKey = db.prepare('SELECT id FROM rooms WHERE direct_key = ?');
const insertDirect = db.prepare("INSERT INTO rooms (id, kind, is_private, direct_key, created_at) VALUES (?, 'direct', 1, ?, ?)");
const insertChannel = db.prepare(
  "INSERT INTO rooms (id, kind, name, description, is_private, created_at) VALUES (?, 'channel', ?, ?, ?, ?)",
);
const insertMember = db.prepare('INSERT OR IGNORE INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)');

// Answers the id of the pair's room: the existing one, or `roomId` when this call made it.
const findOrCreateDirect = db.transaction((roomId, key, userIds, now) => {
  const existing = directByKey.get(key);
  if (existing) return existing.id;
  insertDirect.run(roomId, key, now);
  for (const userId of userIds) insertMember.run(roomId, userId, 'member', now);
  return roomId;
});

// A public name already taken fails with the driver's "UNIQUE constraint failed: rooms.name".
const createChannel = db.transaction((roomId, channel, now) => {
  insertChannel.run(roomId, channel.name, channel.description, channel.isPrivate ? 1 : 0, now);
  insertMember.run(roomId, channel.ownerId, 'owner', now);
  for (const userId of channel.memberIds) insertMember.run(roomId, userId, 'member', now);
});

module.exports = {
  findOrCreateDirect: (roomId, key, userIds, now) => findOrCreateDirect.immediate(roomId, key, userIds, now),
  createChannel: (roomId, channel, now) => {
    createChannel.immediate(roomId, channel, now);
  },
};
