/** Migrations in order; the database's user_version says how many have run. */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE rooms (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'channel')),
    name TEXT,
    description TEXT,
    is_private INTEGER NOT NULL DEFAULT 0,
    direct_key TEXT UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX rooms_public_channel_name ON rooms (name COLLATE NOCASE) WHERE kind = 'channel' AND is_private = 0;
  CREATE INDEX rooms_channels ON rooms (kind, is_private, id);
  CREATE TABLE memberships (
    room_id TEXT NOT NULL REFERENCES rooms(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    last_read_seq INTEGER NOT NULL DEFAULT 0,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships (user_id, room_id);
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    room_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    sender_id TEXT NOT NULL,
    body TEXT NOT NULL,
    temp_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (room_id, seq),
    UNIQUE (room_id, sender_id, temp_id)
  );
  `,
  // Durable position reservations (DESIGN.md 5.10): a room's seq is handed out only below `reserved`.
  `
  CREATE TABLE room_positions (
    room_id TEXT PRIMARY KEY,
    reserved INTEGER NOT NULL
  );
  `,
  // The room stream (DESIGN.md 10): a message's rev is the position of its last change, seq until
  // it changes; catch-up reads (room_id, rev) ranges. The trigger covers writers that predate
  // rev (an older node on the same file during a rolling upgrade).
  `
  ALTER TABLE messages ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
  UPDATE messages SET rev = seq;
  CREATE INDEX messages_room_rev ON messages (room_id, rev);
  CREATE TRIGGER messages_rev_default AFTER INSERT ON messages WHEN NEW.rev = 0
  BEGIN UPDATE messages SET rev = NEW.seq WHERE id = NEW.id; END;
  `,
  // Blocks (issue 12): the blocker's list is read whole into a cache; the key serves that read.
  `
  CREATE TABLE blocks (
    blocker_id TEXT NOT NULL REFERENCES users(id),
    blocked_id TEXT NOT NULL REFERENCES users(id),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
  );
  `,
  // Bounded room lists (issue 12): members are paged in join order, and a user's rooms are ordered
  // by their last message's time, kept on the room by a trigger so the ordering reads no messages,
  // and by when the user joined, which memberships_by_user now covers (no membership row reads).
  `
  CREATE INDEX memberships_by_join ON memberships (room_id, joined_at, user_id);
  DROP INDEX memberships_by_user;
  CREATE INDEX memberships_by_user ON memberships (user_id, room_id, joined_at);
  ALTER TABLE rooms ADD COLUMN last_message_at INTEGER NOT NULL DEFAULT 0;
  UPDATE rooms SET last_message_at = coalesce((SELECT m.created_at FROM messages m WHERE m.room_id = rooms.id ORDER BY m.seq DESC LIMIT 1), 0);
  CREATE TRIGGER rooms_last_message_at AFTER INSERT ON messages
  BEGIN UPDATE rooms SET last_message_at = NEW.created_at WHERE id = NEW.room_id AND last_message_at < NEW.created_at; END;
  `,
];
