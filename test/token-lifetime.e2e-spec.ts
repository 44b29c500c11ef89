import { decode, JwtPayload } from 'jsonwebtoken';
import { http, registerUser } from './support/http';
import { startApp, TestApp } from './support/harness';

describe('JWT_EXPIRES_IN (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ JWT_EXPIRES_IN: '90' });
  });
  afterAll(() => t?.app.close());

  // jsonwebtoken reads the string "90" as 90 milliseconds: the server must pass seconds.
  it('reads a bare number as seconds, and the token it issues is accepted', async () => {
    const alice = await registerUser(t.url, 'alice');
    const { exp, iat } = decode(alice.token) as JwtPayload;
    expect(exp! - iat!).toBe(90);
    expect((await http(t.url, 'GET', '/auth/me', { token: alice.token })).status).toBe(200);
  });
});
