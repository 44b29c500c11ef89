// The writer thread's own connection, shared by every sqlite-*.ops.js module of that thread.
const { workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');

module.exports = db;
