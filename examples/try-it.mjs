// A minimal client of the chat server: sends one message and prints what the server says,
// or, with `listen`, prints what arrives. Run from the repository root (it uses the
// project's socket.io-client):
//   TOKEN=... ROOM_ID=... node examples/try-it.mjs "hello"      a direct message
//   TOKEN=... CHANNEL_ID=... node examples/try-it.mjs "hello"   a channel message
//   TOKEN=... node examples/try-it.mjs listen                   print incoming messages until Ctrl-C
// SERVER defaults to http://localhost:3000.
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const { SERVER = 'http://localhost:3000', TOKEN, ROOM_ID, CHANNEL_ID } = process.env;
const text = process.argv[2] ?? 'hello from examples/try-it.mjs';
if (!TOKEN) throw new Error('set TOKEN to an accessToken from /auth/register or /auth/login');

const socket = io(SERVER, { auth: { token: TOKEN }, transports: ['websocket'] });
const show = (label) => (payload) => console.log(label.padEnd(10), JSON.stringify(payload));

socket.on('connect_error', (err) => {
  console.error('connect_error', err.message, err.data ?? '');
  process.exit(1);
});
socket.on('exception', show('exception'));
socket.on('roomMessageRecieved', show('Received'));
socket.on('NEW_MESSAGE_RECEIVED', show('Received'));

socket.once('ready', async ({ user, rooms }) => {
  console.log(`connected as ${user.username}, member of ${rooms.length} room(s)`);
  if (text === 'listen') return console.log('listening; Ctrl-C to stop');
  if (!ROOM_ID && !CHANNEL_ID) throw new Error('set ROOM_ID (a direct room) or CHANNEL_ID (a channel)');
  const [event, target, prefix] = CHANNEL_ID ? ['NEW_MESSAGE', { channelId: CHANNEL_ID }, 'channel'] : ['roomMessage', { roomId: ROOM_ID }, 'room'];
  const tempId = randomUUID();
  // The saved message's confirmation (or failure) ends the run.
  socket.on(`${prefix}MessageSent`, show('Sent'));
  socket.on(`${prefix}MessageConfirmed`, (c) => c.tempId === tempId && done('Confirmed', c));
  socket.on(`${prefix}MessageFailed`, (f) => f.tempId === tempId && done('Failed', f));
  const ack = await socket.timeout(5000).emitWithAck(event, { ...target, body: text, tempId });
  show('ack')(ack);
  if (!ack.success) done('Refused', ack.error);
});

function done(label, payload) {
  show(label)(payload);
  socket.close();
}
