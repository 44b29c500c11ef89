import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Builds the app from the current sources (about a second), so a suite never tests a stale bundle. */
export function ensureWebBuild(): void {
  execFileSync('node', [join(ROOT, 'client', 'build.mjs')], { stdio: 'inherit' });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

/** Signs up through the form; resolves once the room list shows. */
export async function signUp(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('correct horse battery');
  await page.getByTestId('register-email').fill(`${username}@example.com`);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('room-list').waitFor();
}

/** Signs in an existing user (registered with support/http's password) through the form. */
export async function signInAs(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('correct horse battery');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('room-list').waitFor();
}

/** Records every state text each of my messages shows, in order, keyed by tempId (from now on). */
export async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const document = (globalThis as any).document;
    const log: Record<string, string[]> = ((globalThis as any).stateLog = {});
    const scan = () =>
      document.querySelectorAll('[data-testid="message"]').forEach((el: any) => {
        const text = el.querySelector('[data-testid="message-status"]')?.textContent;
        const id = el.dataset.tempId;
        const states = (log[id] ??= []);
        if (text && states[states.length - 1] !== text) states.push(text);
      });
    new (globalThis as any).MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export const statesOf = (page: Page, body: string) =>
  page.evaluate((b) => {
    const all: any[] = [...(globalThis as any).document.querySelectorAll('[data-testid="message"]')];
    const el = all.find((m) => m.querySelector('.body')?.textContent === b);
    return el ? (globalThis as any).stateLog[el.dataset.tempId] : undefined;
  }, body);

/** The bodies of the messages shown in the open room, top to bottom. */
export const shownBodies = (page: Page) => page.$$eval('[data-testid="message"] .body', (els) => els.map((e) => e.textContent ?? ''));

/** Opens a room by its visible name from the room list. */
export const openRoom = (page: Page, name: string) => page.getByTestId('room-item').filter({ hasText: name }).click();
