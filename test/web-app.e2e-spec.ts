import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchContext, NO_CHROMIUM } from './support/chromium';
import { startApp, TestApp } from './support/harness';
import { ensureWebBuild, openRoom, recordStates, SCREENSHOTS, shot, shownBodies, signUp, statesOf } from './support/web-app';

const maybe = chromiumPath ? describe : describe.skip;
const title = `The web app at / in real Chromium, two people chatting (e2e)${chromiumPath ? '' : `: ${NO_CHROMIUM}`}`;
const run = `${process.pid % 10000}`;

maybe(title, () => {
  let t: TestApp;
  let desk: BrowserContext, phone: BrowserContext;
  let a: Page, b: Page;
  const alice = `alice${run}`, bob = `bob${run}`;

  beforeAll(async () => {
    ensureWebBuild();
    t = await startApp();
    [desk, phone] = await Promise.all([launchContext(), launchContext({ width: 390, height: 760 })]);
    [a, b] = await Promise.all([desk.newPage(), phone.newPage()]);
    // Fail on the step that waits, with its selector, well within the test's own timeout.
    [a, b].forEach((p) => p.setDefaultTimeout(10_000));
    console.log(`[web-app] screenshots in ${SCREENSHOTS}`);
  });
  afterAll(async () => {
    await Promise.all([desk?.close(), phone?.close()]);
    await t?.app.close();
  });

  it('serves the app at / (small, interactive fast) beside the API', async () => {
    const started = Date.now();
    const js = a.waitForResponse((r) => r.url().endsWith('/app.js'));
    await a.goto(t.url);
    await a.getByTestId('login-submit').waitFor();
    const interactiveMs = Date.now() - started;
    const gzipKb = gzipSync(await (await js).body()).length / 1024;
    console.log(`[web-app] first load: ${gzipKb.toFixed(1)} KB of JS gzip, sign-in form interactive after ${interactiveMs} ms`);
    expect(gzipKb).toBeLessThan(150);
    expect(interactiveMs).toBeLessThan(5000);
    expect((await a.request.get(`${t.url}/health`)).status()).toBe(200);
    expect((await a.request.get(`${t.url}/docs`)).status()).toBe(200);
  });

  it('signs both up, opens a DM: pending then confirmed, unread badge, typing', async () => {
    await Promise.all([signUp(a, t.url, alice), signUp(b, t.url, bob)]);
    await a.getByTestId('new-dm').click();
    await a.getByPlaceholder('Find a person by name').fill(bob);
    await a.getByRole('button', { name: 'Message', exact: true }).click();
    await a.getByTestId('composer').waitFor();
    // directCreated: the room shows up on Bob's side without a reload.
    // directCreated also says who is online, so both sides show the presence dot at once.
    await b.getByTestId('room-item').filter({ hasText: alice }).locator('.dot.online').waitFor();
    await a.getByTestId('room-item').filter({ hasText: bob }).locator('.dot.online').waitFor();
    await recordStates(a);
    for (const body of ['hi bob', 'are you there?']) {
      await a.getByTestId('composer').fill(body);
      await a.getByTestId('send').click();
    }
    await a.getByTestId('message-status').nth(1).filter({ hasText: 'confirmed' }).waitFor();
    expect(await statesOf(a, 'hi bob')).toEqual(['pending', 'confirmed']);
    await b.getByTestId('unread').filter({ hasText: '2' }).waitFor();
    await shot(b, 'phone-unread');
    await openRoom(b, alice);
    expect(await shownBodies(b)).toEqual(['hi bob', 'are you there?']);
    await b.getByTestId('composer').pressSequentially('typing something', { delay: 20 });
    await a.getByTestId('typing').filter({ hasText: bob }).waitFor();
    await b.getByTestId('send').click();
    await a.locator('[data-testid="message"]', { hasText: 'typing something' }).waitFor();
    await a.getByTestId('typing').waitFor({ state: 'detached' });
    await shot(a, 'desktop-dm');
  });

  it('creates and joins a channel, and chats in it', async () => {
    const channel = `general-${run}`;
    await a.getByTestId('new-channel').click();
    await a.getByPlaceholder('new-channel-name').fill(channel);
    await a.getByRole('button', { name: 'Create', exact: true }).click();
    await a.getByRole('heading', { name: `# ${channel}` }).waitFor();
    await b.getByRole('button', { name: 'Back to rooms' }).click();
    await b.getByTestId('new-channel').click();
    await b.getByPlaceholder('Search channels').fill(channel);
    await b.getByRole('button', { name: 'Join', exact: true }).click();
    await b.getByTestId('composer').fill('hello channel');
    await b.getByTestId('send').click();
    await a.locator('[data-testid="message"]', { hasText: 'hello channel' }).waitFor();
    await b.getByTestId('message-status').filter({ hasText: 'confirmed' }).waitFor();
    await shot(b, 'phone-channel');
  });

  it('goes offline and back: every message sent meanwhile shows exactly once, in order', async () => {
    await phone.setOffline(true);
    await b.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    const sent = ['while away 1', 'while away 2', 'while away 3', 'while away 4'];
    for (const body of sent) {
      await a.getByTestId('composer').fill(body);
      await a.getByTestId('send').click();
    }
    await b.getByTestId('composer').fill('written offline');
    await b.getByTestId('send').click();
    await a.getByTestId('message-status').last().filter({ hasText: 'confirmed' }).waitFor();
    await phone.setOffline(false);
    await b.locator('[data-testid="message"]', { hasText: 'while away 4' }).waitFor();
    await b.locator('[data-testid="message"]', { hasText: 'written offline' }).getByTestId('message-status').filter({ hasText: 'confirmed' }).waitFor();
    await a.locator('[data-testid="message"]', { hasText: 'written offline' }).waitFor();
    const expected = ['hello channel', ...sent, 'written offline'];
    expect(await shownBodies(b)).toEqual(expected);
    expect(await shownBodies(a)).toEqual(expected);
    await shot(b, 'phone-back-online');
    await shot(a, 'desktop-channel');
  });

  it('leaves a channel, and is invited back: the channel reappears without a reload', async () => {
    const channel = `general-${run}`;
    await b.getByRole('button', { name: 'Leave', exact: true }).click();
    await b.getByTestId('room-item').filter({ hasText: channel }).waitFor({ state: 'detached' });
    await a.getByText('1 member', { exact: true }).waitFor();
    await a.getByRole('button', { name: 'Invite', exact: true }).click();
    await a.getByPlaceholder('Invite someone by name').fill(bob);
    await a.locator('.picker').getByRole('button', { name: 'Invite', exact: true }).click();
    await b.getByTestId('room-item').filter({ hasText: channel }).waitFor();
    await a.getByText('2 members', { exact: true }).waitFor();
  });
});
