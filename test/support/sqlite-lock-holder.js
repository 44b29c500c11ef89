// Another process taking the SQLite write lock of a running server's database:
// BEGIN IMMEDIATE, hold it for `holdMs`, then COMMIT. Reports each step on stdout as a
// JSON line with the wall-clock time, so a test can compare it with its own Date.now().
const Database = require('better-sqlite3');

const [path, holdMs] = process.argv.slice(2);
const report = (event) => process.stdout.write(`${JSON.stringify({ event, at: Date.now() })}\n`);

const db = new Database(path);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
report('locked');
setTimeout(() => {
  report('releasing');
  db.exec('COMMIT');
  db.close();
}, Number(holdMs));
