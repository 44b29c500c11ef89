import { http } from './support/http';
import { startApp, TestApp } from './support/harness';

type Operation = { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: { code: string } }> }> }> };

describe('Swagger document (e2e)', () => {
  let t: TestApp;
  let operations: Array<[string, Operation]>;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, any> } };

  beforeAll(async () => {
    t = await startApp();
    doc = (await http(t.url, 'GET', '/docs-json')).body;
    operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));
  });
  afterAll(() => t?.app.close());

  it('gives every operation a summary', () => {
    expect(operations.length).toBeGreaterThanOrEqual(16);
    expect(operations.filter(([, op]) => !op.summary?.trim()).map(([name]) => name)).toEqual([]);
  });

  it('documents every error response with the ErrorResponseDto and an example per code', () => {
    const codes = new Set<string>(doc.components.schemas.ErrorResponseDto.properties.code.enum);
    expect(codes.has('STORE.UNAVAILABLE')).toBe(true);
    for (const [name, op] of operations) {
      for (const [status, res] of Object.entries(op.responses).filter(([s]) => Number(s) >= 400 && name !== 'GET /health')) {
        const json = res.content?.['application/json'];
        expect([name, status, json?.schema?.$ref]).toEqual([name, status, '#/components/schemas/ErrorResponseDto']);
        const examples = Object.values(json?.examples ?? {});
        expect([name, status, examples.length > 0]).toEqual([name, status, true]);
        for (const example of examples) expect([name, codes.has(example.value.code), String((example.value as any).statusCode)]).toEqual([name, true, status]);
      }
      expect([name, Object.keys(op.responses)]).toEqual([name, expect.arrayContaining(['500'])]);
      if (op.security?.length) expect([name, Object.keys(op.responses)]).toEqual([name, expect.arrayContaining(['401'])]);
    }
    expect(doc.paths['/rooms/{roomId}/messages'].get.responses['503'].content!['application/json'].examples!['STORE.UNAVAILABLE'].value).toMatchObject({ code: 'STORE.UNAVAILABLE', retryAfterMs: expect.any(Number) });
  });

  it('has request examples that work on a fresh server: register, then login with the same example', async () => {
    const example = (name: string) =>
      Object.fromEntries(Object.entries(doc.components.schemas[name].properties).map(([key, p]: [string, any]) => [key, p.example]));
    const register = await http(t.url, 'POST', '/auth/register', { body: example('RegisterDto') });
    expect(register).toMatchObject({ status: 201, body: { user: { username: example('RegisterDto').username } } });
    expect(example('RegisterDto').username).not.toBe('alice');
    expect(await http(t.url, 'POST', '/auth/login', { body: example('LoginDto') })).toMatchObject({ status: 200 });
    const channel = await http(t.url, 'POST', '/channels', { token: register.body.accessToken, body: example('CreateChannelDto') });
    expect(channel).toMatchObject({ status: 201, body: { kind: 'channel' } });
  });
});
