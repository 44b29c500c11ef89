import { http } from './support/http';
import { startApp, TestApp } from './support/harness';

describe('Password rules at registration (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.app.close());

  const register = (username: string, password: string) =>
    http(t.url, 'POST', '/auth/register', { body: { username, email: `${username}@Example.com`, password } });

  it.each([
    ['the username, in another case', 'Dora_Explorer', 'dORA_eXPLORER', 'password must not be the username'],
    ['the email, in another case', 'dora_mail', 'DORA_MAIL@EXAMPLE.COM', 'password must not be the email'],
    ['only whitespace', 'dora_blank', ' \t         ', 'password must not be only whitespace'],
  ])('refuses a password equal to %s with VALIDATION.FAILED on the password field, creating nothing', async (_, username, password, why) => {
    const res = await register(username, password);
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION.FAILED' } });
    expect(res.body.details).toEqual([{ field: 'password', errors: [why] }]);
    const login = await http(t.url, 'POST', '/auth/login', { body: { username, password } });
    expect(login.status).toBe(401);
    expect((await register(username, 'a sound passphrase')).status).toBe(201);
  });

  it('still accepts a password that only contains the username', async () => {
    expect((await register('dora_long', 'dora_long and more')).status).toBe(201);
  });
});
