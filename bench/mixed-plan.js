// The mixed workload: who is in which room, and a fixed, seeded sequence of operations in
// the ratio of a busy chat (per 100: 70 sends, 15 markRead, 10 history reads, 5 channel
// joins/leaves), so every run and every build replays the same load.

const USERS = 60;
const CHANNELS = 6;
const CHANNEL_SIZE = 20;
// Channels overlap: a user is in one to three of them, and in one DM.
const CHANNEL_STRIDE = 8;
const DECK = [['send', 70], ['markRead', 15], ['history', 10], ['churn', 5]].flatMap(([op, n]) => Array(n).fill(op));

/** The rooms to seed (seed.js): channels, then DMs of users 2i and 2i+1, then an empty lobby to join and leave. */
function topology() {
  const channels = Array.from({ length: CHANNELS }, (_, k) => ({ kind: 'channel', members: CHANNEL_SIZE, from: k * CHANNEL_STRIDE }));
  const directs = Array.from({ length: USERS / 2 }, (_, i) => ({ kind: 'direct', members: 2, from: 2 * i }));
  return { users: USERS, rooms: [...channels, ...directs, { kind: 'channel', members: 0 }] };
}

/** mulberry32: a small seeded PRNG, so the sequence is the same in every run. */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` operations { op, user, room: { id, kind, members } } over the seeded room ids. */
function operations(roomIds, count, seed = 1) {
  const { rooms } = topology();
  const all = rooms.map((r, k) => ({ id: roomIds[k], kind: r.kind, members: r.members, from: r.from ?? 0 }));
  const lobby = all[all.length - 1];
  const roomsOf = Array.from({ length: USERS }, (_, u) => all.filter((r) => r !== lobby && u >= r.from && u < r.from + r.members));
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const ops = [];
  let churns = 0;
  while (ops.length < count) {
    const deck = [...DECK];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [deck[i], deck[j]] = [deck[j], deck[i]];
    }
    for (const op of deck.slice(0, count - ops.length)) {
      // Joins/leaves go round the users, so one user's toggles are seconds apart, never concurrent.
      const user = op === 'churn' ? churns++ % USERS : Math.floor(rnd() * USERS);
      ops.push({ op, user, room: op === 'churn' ? lobby : pick(roomsOf[user]) });
    }
  }
  return ops;
}

module.exports = { topology, operations };
