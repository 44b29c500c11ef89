// User writes, run by the writer thread (sqlite-writer.worker.js).
const db = require('./sqlite-writer.db');

const insertUser = db.prepare('INSERT INTO users VALUES (@id, @username, @email, @password_hash, @created_at)');

module.exports = {
  // A taken username or email fails with the driver's "UNIQUE constraint failed: users.<field>".
  createUser: (row) => {
    insertUser.run(row);
  },
};
