// Every write to the SQLite store runs here, on one thread with its own connection: a write
// that waits on another process's lock or on an fsync never stalls the event loop. Reads stay
// on the main thread (WAL readers never wait for the write lock). Plain JavaScript so the same
// files run under ts-jest (src/) and in production (copied to dist/ by nest build).
const { parentPort } = require('node:worker_threads');
const db = require('./sqlite-writer.db');

const ops = {
  ...require('./sqlite-message.ops'),
  ...require('./sqlite-user.ops'),
  ...require('./sqlite-room.ops'),
  ...require('./sqlite-membership.ops'),
  ...require('./sqlite-block.ops'),
};

// `deadline` is when the caller stops waiting. An op queued behind a long lock wait only
// waits for the lock what is left of its own budget, so a queue of writes fails fast
// (SQLITE_BUSY) instead of each waiting its full busy_timeout in turn.
parentPort.on('message', ({ id, op, args, deadline }) => {
  if (op === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, deadline - Date.now())}`);
    parentPort.postMessage({ id, result: ops[op](...args) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: err.message, code: err.code } });
  }
});
