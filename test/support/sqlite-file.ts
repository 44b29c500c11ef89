import Database from 'better-sqlite3';

/**
 * Another connection takes the SQLite write lock, as a second process or a backup tool would:
 * every write of the server waits (busy_timeout) and then fails until release() is called.
 */
export function lockDatabase(sqlitePath: string): { release: () => void } {
  const db = new Database(sqlitePath);
  db.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

/** Writes a message row straight into the file, as another writer would. */
export function insertRow(sqlitePath: string, row: { roomId: string; seq: number; senderId: string }): void {
  const db = new Database(sqlitePath);
  db.prepare('INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(`x${row.seq}`.padEnd(24, '0'), row.roomId, row.seq, row.senderId, 'written elsewhere', `elsewhere-${row.seq}`, Date.now());
  db.close();
}
