// The writer thread's own connection, shared by every sqlite-*.ops.js module of that thread.
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.path);
// WAL: the main thread's reads never wait for this connection's write lock, nor it for them.
db.pragma('journal_mode = WAL');
// A confirmation promises the message survives power loss: fsync the WAL on every commit.
db.pragma('synchronous = FULL');
// Memberships reference users and rooms: checked here as on the main connection.
db.pragma('foreign_keys = ON');
// busy_timeout is set per op by sqlite-writer.worker.js, from the op's deadline.

module.exports = db;
