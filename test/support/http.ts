import type { UserSummary } from '../../src/persistence/models';

export interface HttpResult<T = any> {
  status: number;
  body: T;
}

export async function http<T = any>(url: string, method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface TestUser {
  token: string;
  user: UserSummary;
}

let counter = 0;

/** Registers a fresh user; the name gets a unique suffix so suites can share a database. */
export async function registerUser(url: string, name = 'user'): Promise<TestUser> {
  const username = `${name}_${process.pid}_${++counter}`;
  const res = await http(url, 'POST', '/auth/register', {
    body: { username, email: `${username}@example.com`, password: 'correct horse battery' },
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.accessToken, user: res.body.user };
}

export async function openDirect(url: string, a: TestUser, b: TestUser): Promise<string> {
  const res = await http(url, 'POST', `/direct/${b.user.id}`, { token: a.token });
  if (res.status !== 200) throw new Error(`open direct failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
