import { CorsPolicy } from './cors-policy';

describe(CorsPolicy.name, () => {
  const listed = new CorsPolicy(['https://app.example.com']);
  const sameOriginOnly = new CorsPolicy([]);

  it('allows any origin with *', () => {
    expect(new CorsPolicy('*').allows('https://anywhere.example', 'chat.example.com')).toBe(true);
  });

  it('allows a listed origin, whatever its case', () => {
    expect(listed.allows('https://App.Example.com', 'chat.example.com')).toBe(true);
  });

  it('refuses an origin that is neither listed nor the server itself', () => {
    expect(listed.allows('https://evil.example', 'chat.example.com')).toBe(false);
    expect(sameOriginOnly.allows('https://evil.example', 'chat.example.com')).toBe(false);
    expect(sameOriginOnly.allows('not a url', 'chat.example.com')).toBe(false);
  });

  it('allows a page served by the server itself, also behind a TLS proxy that keeps the Host', () => {
    expect(sameOriginOnly.allows('http://localhost:3000', 'localhost:3000')).toBe(true);
    expect(sameOriginOnly.allows('https://chat.example.com', 'chat.example.com')).toBe(true);
    expect(sameOriginOnly.allows('http://localhost:3001', 'localhost:3000')).toBe(false);
  });

  it('does not refuse requests without an Origin (not from a browser page)', () => {
    expect(sameOriginOnly.allows(undefined, 'chat.example.com')).toBe(true);
  });

  it('answers the Socket.IO handshake check with the same rule', async () => {
    const { allowRequest } = listed.forSocketIo();
    const ask = (origin: string) =>
      new Promise<boolean>((resolve) => allowRequest!({ headers: { origin, host: 'chat.example.com' } } as never, (_err, ok) => resolve(ok)));
    expect(await ask('https://app.example.com')).toBe(true);
    expect(await ask('https://evil.example')).toBe(false);
  });
});
