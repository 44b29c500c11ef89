import type { BrowserContext } from 'playwright-core';
import { chromiumPath, launchContext, NO_CHROMIUM } from './support/chromium';
import { startApp, TestApp } from './support/harness';
import { openDirect, registerUser } from './support/http';
import { ack, Client, connect, until } from './support/sockets';
import { ensureWebBuild, openRoom, shot, signInAs } from './support/web-app';

const maybe = chromiumPath ? describe : describe.skip;
const ROOM_SIZE = 5000;

/** Fills the room with `message 1`..`message N` from `from`, in chunks, and waits until all are saved. */
async function fill(from: Client, roomId: string): Promise<void> {
  let saved = 0;
  from.on('roomMessageConfirmed', () => saved++);
  for (let i = 0; i < ROOM_SIZE; i += 500) {
    const chunk = Array.from({ length: Math.min(500, ROOM_SIZE - i) }, (_, k) => ack(from, 'roomMessage', { roomId, body: `message ${i + k + 1}`, tempId: `fill-${i + k}` }));
    const answers = await Promise.all(chunk);
    expect(answers.every((a) => a.success)).toBe(true);
  }
  await until(() => saved === ROOM_SIZE, 30_000);
}

maybe(`The web app in a room of ${ROOM_SIZE} messages (e2e)${chromiumPath ? '' : `: ${NO_CHROMIUM}`}`, () => {
  let t: TestApp;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startApp({ RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SEC: '100000' });
    context = await launchContext();
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await t?.app.close();
  });

  it('shows the latest page, pages older ones by before= on scroll, and never loads or renders them all', async () => {
    const [alice, bob] = await Promise.all([registerUser(t.url, 'alice'), registerUser(t.url, 'bob')]);
    const roomId = await openDirect(t.url, alice, bob);
    const b1 = await connect(t.url, bob.token);
    await fill(b1, roomId);
    b1.close();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const pages: string[] = [];
    page.on('request', (r) => r.url().includes('/messages') && pages.push(new URL(r.url()).search));
    await signInAs(page, t.url, alice.user.username);
    const started = Date.now();
    await openRoom(page, bob.user.username);
    const messages = page.getByTestId('message');
    await messages.filter({ hasText: `message ${ROOM_SIZE}` }).waitFor();
    console.log(`[web-app] a room of ${ROOM_SIZE} messages shows its latest page after ${Date.now() - started} ms`);
    expect(await messages.count()).toBe(50);
    expect(pages).toEqual(['?limit=50']);
    await page.locator('.messages').evaluate((el) => (el.scrollTop = 0));
    await messages.filter({ hasText: `message ${ROOM_SIZE - 50}` }).waitFor();
    expect(await messages.count()).toBe(100);
    expect(pages).toEqual(['?limit=50', `?limit=50&before=${ROOM_SIZE - 49}`]);
    // Back at the bottom the window shrinks again: the DOM stays small however far one scrolled.
    await page.locator('.messages').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="message"]').length === 50);
    await shot(page, 'desktop-long-room');
  }, 90_000);
});
