import { openDirect, registerUser } from './support/http';
import { chromiumPath, launchContext, NO_CHROMIUM } from './support/chromium';
import { startApp, TestApp } from './support/harness';
import { connect, next } from './support/sockets';

const maybe = chromiumPath ? describe : describe.skip;
const title = `A web client in real Chromium (e2e)${chromiumPath ? '' : `: ${NO_CHROMIUM}`}`;

maybe(title, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.app.close());

  it('loads the served Socket.IO client, connects with a token, and chats with a Node client', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const b1 = await connect(t.url, bob.token);
    const context = await launchContext();
    try {
      const page = await context.newPage();
      await page.goto(`${t.url}/docs`);
      await page.addScriptTag({ url: `${t.url}/socket.io/socket.io.js` });
      const atBob = next(b1, 'roomMessageRecieved');
      const sent = await page.evaluate(
        async ({ url, token, roomId }) => {
          // Browser defaults: long-polling first, then the websocket upgrade.
          const socket = (globalThis as any).io(url, { auth: { token } });
          const ready = await new Promise<any>((resolve, reject) => {
            socket.once('ready', resolve);
            socket.once('connect_error', reject);
          });
          (globalThis as any).reply = new Promise((resolve) => socket.once('roomMessageRecieved', resolve));
          const ack = await socket.timeout(5000).emitWithAck('roomMessage', { roomId, body: 'hello from Chromium', tempId: 'web-1' });
          return { user: ready.user, ack };
        },
        { url: t.url, token: alice.token, roomId },
      );
      expect(sent).toMatchObject({ user: alice.user, ack: { success: true, tempId: 'web-1' } });
      expect(await atBob).toMatchObject({ body: 'hello from Chromium', sender: alice.user });
      await b1.timeout(5000).emitWithAck('roomMessage', { roomId, body: 'hello from Node', tempId: 'node-1' });
      const reply = await page.evaluate(() => (globalThis as any).reply);
      expect(reply).toMatchObject({ body: 'hello from Node', sender: bob.user, roomId });
    } finally {
      await context.close();
      b1.close();
    }
  });
});
