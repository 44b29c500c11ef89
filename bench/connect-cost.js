// node bench/connect-cost.js [--channels=5000 --members=50 --messages=3 --connects=10 --main=dist/main.js]
// What one connect of a user in many channels costs the server: the `ready` size, the time to
// `ready`, and the longest event-loop block meanwhile (chat_event_loop_delay_seconds max, from
// /metrics, whose window starts at each scrape). Sequential connects on an otherwise idle server.
const Database = require('better-sqlite3');
const { resolve } = require('node:path');
const { io } = require('socket.io-client');
const { summarize } = require('./clients');
const { eventLoopDelay } = require('./loop-delay');
const { seed } = require('./seed');
const servers = require('./servers');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const channels = Number(args.channels ?? 5000);
const members = Number(args.members ?? 50);
const messages = Number(args.messages ?? 3);
const connects = Number(args.connects ?? 10);

/** Every channel gets `messages` messages, so ordering by activity has something to read. */
function addMessages(path, roomIds) {
  const db = new Database(path);
  const insert = db.prepare('INSERT INTO messages (id, room_id, seq, sender_id, body, temp_id, created_at, rev) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const sender = 'a'.padEnd(24, '0');
  db.transaction(() => roomIds.forEach((roomId, k) => {
    for (let seq = 1; seq <= messages; seq++) insert.run(`m${k}-${seq}`, roomId, seq, sender, `message ${seq}`, `t${k}-${seq}`, Date.now() - k * 1000 + seq, seq);
  }))();
  db.close();
}

/** One connect of `token` to its `ready`: the time it took and the payload's JSON size. */
function connectReady(url, token) {
  const t0 = performance.now();
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((done, fail) => {
    socket.once('ready', (payload) => {
      done({ ms: performance.now() - t0, bytes: JSON.stringify(payload).length });
      socket.close();
    });
    socket.once('connect_error', fail);
  });
}

async function main() {
  const data = seed(members, Array.from({ length: channels }, () => ({ kind: 'channel', members })));
  addMessages(data.path, data.roomIds);
  const server = await servers.startOurs({ ...data.env, RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' }, resolve(args.main ?? 'dist/main.js'));
  try {
    await connectReady(server.url, data.tokens[0]); // warm: first-call compilation
    await eventLoopDelay(server.url);
    const runs = [];
    for (let i = 0; i < connects; i++) runs.push(await connectReady(server.url, data.tokens[0]));
    const blocked = (await eventLoopDelay(server.url)).max;
    const times = runs.map((r) => r.ms);
    const bytes = runs[0].bytes;
    const s = summarize(times);
    console.log(`user in ${channels} channels of ${members} members: ready ${(bytes / 1024).toFixed(1)} KiB; connect->ready p50 ${s.p50.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${connects} connects); longest event-loop block ${blocked.toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
