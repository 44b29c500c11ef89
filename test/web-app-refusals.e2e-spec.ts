import type { BrowserContext } from 'playwright-core';
import { chromiumPath, launchContext, NO_CHROMIUM } from './support/chromium';
import { startApp, TestApp } from './support/harness';
import { http, registerUser } from './support/http';
import { ensureWebBuild, shot, signUp } from './support/web-app';

const maybe = chromiumPath ? describe : describe.skip;
const run = `${process.pid % 10000}`;

maybe(`The web app when the server refuses a send (e2e)${chromiumPath ? '' : `: ${NO_CHROMIUM}`}`, () => {
  let t: TestApp;
  let context: BrowserContext;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startApp({ RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_SEC: '2' });
    context = await launchContext();
  });
  afterAll(async () => {
    await context?.close();
    await t?.app.close();
  });

  it('shows a rate-limited send as failed with a retry button, and retry sends it', async () => {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const dave = await registerUser(t.url, 'dave');
    await signUp(page, t.url, `carol${run}`);
    await page.getByTestId('new-dm').click();
    await page.getByPlaceholder('Find a person by name').fill(dave.user.username);
    await page.getByRole('button', { name: 'Message', exact: true }).click();
    for (const body of ['one', 'two', 'three']) {
      await page.getByTestId('composer').fill(body);
      await page.getByTestId('composer').press('Enter');
    }
    const third = page.locator('[data-testid="message"]', { hasText: 'three' });
    await third.getByTestId('message-status').filter({ hasText: 'failed' }).waitFor();
    await shot(page, 'desktop-failed');
    // The bucket refills at 2/s: retry whenever the last attempt was refused, until one passes.
    const status = third.getByTestId('message-status');
    const deadline = Date.now() + 15_000;
    while ((await status.textContent()) !== 'confirmed') {
      expect(Date.now()).toBeLessThan(deadline);
      if ((await status.textContent()) === 'failed') await third.getByTestId('retry').click();
      await page.waitForFunction((el) => el?.textContent !== 'pending', await status.elementHandle());
    }
    const rooms = (await http(t.url, 'GET', '/rooms', { token: dave.token })).body;
    const stored = (await http(t.url, 'GET', `/rooms/${rooms[0].id}/messages`, { token: dave.token })).body.messages;
    expect(stored.map((m: any) => m.body)).toEqual(['one', 'two', 'three']);
    await shot(page, 'desktop-retried');
  });
});
