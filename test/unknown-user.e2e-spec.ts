import * as jwt from 'jsonwebtoken';
import { http, registerUser, TestUser } from './support/http';
import { startApp, TEST_SECRET, TestApp } from './support/harness';
import { connect, connectError } from './support/sockets';

describe('Tokens of users that do not exist (e2e)', () => {
  let t: TestApp;
  let alice: TestUser;
  // Signed with the real secret, so only the user lookup can refuse it.
  const ghost = jwt.sign({ sub: '0123456789abcdef01234567', username: 'ghost' }, TEST_SECRET, { expiresIn: 3600 });

  beforeAll(async () => {
    t = await startApp();
    alice = await registerUser(t.url, 'alice');
  });
  afterAll(() => t?.app.close());

  it('refuses the handshake with connect_error unauthorized (AUTH.INVALID_TOKEN)', async () => {
    expect(await connectError(t.url, { token: ghost })).toMatchObject({ message: 'unauthorized', data: { code: 'AUTH.INVALID_TOKEN' } });
  });

  it.each([
    ['GET', '/rooms', undefined],
    ['GET', '/auth/me', undefined],
    ['POST', '/channels', { name: 'ghost-town' }],
    ['POST', '/direct/:alice', undefined],
  ])('answers %s %s with 401 AUTH.INVALID_TOKEN, never a 500', async (method, path, body) => {
    const res = await http(t.url, method, path.replace(':alice', alice.user.id), { token: ghost, body });
    expect(res).toMatchObject({ status: 401, body: { statusCode: 401, code: 'AUTH.INVALID_TOKEN' } });
  });

  it('changed nothing, and real users still pass', async () => {
    const rooms = await http(t.url, 'GET', '/rooms', { token: alice.token });
    expect(rooms).toEqual({ status: 200, body: [] });
    const channels = await http(t.url, 'GET', '/channels?search=ghost-town', { token: alice.token });
    expect(JSON.stringify(channels.body)).not.toContain('ghost-town');
    const socket = await connect(t.url, alice.token);
    expect(socket.ready.user).toEqual(alice.user);
    socket.close();
  });
});
