import { ApiError, RestClient } from './rest';

/** Answers every request with one fixed response, and records the paths asked for. */
function serve(body: unknown, init: ResponseInit = {}): string[] {
  const asked: string[] = [];
  jest.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    asked.push(String(url));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' }, ...init });
  });
  return asked;
}

describe(RestClient.name, () => {
  afterEach(() => jest.restoreAllMocks());
  const room = { id: 'd1', kind: 'direct', memberIds: ['me', 'peer'] };

  it('pages GET /rooms by X-Next-Cursor (the body stays an array)', async () => {
    const asked = serve([room], { headers: { 'x-next-cursor': 'abc' } });
    const sut = new RestClient('http://h', 'token');
    expect(await sut.rooms('me')).toMatchObject({ rooms: [{ id: 'd1', peerId: 'peer' }], hasMore: true, cursor: 'abc' });
    await sut.rooms('me', 'abc');
    expect(asked).toEqual(['http://h/rooms', 'http://h/rooms?cursor=abc']);
  });

  it('reads an unpaged list as the whole list', async () => {
    serve([room]);
    expect(await new RestClient('http://h').rooms('me')).toMatchObject({ hasMore: false, cursor: null });
  });

  it('turns an error answer into an ApiError with its code', async () => {
    serve({ statusCode: 404, code: 'ROOM.NOT_FOUND', message: 'no room' }, { status: 404 });
    const refused = new RestClient('http://h').history('x');
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 404, code: 'ROOM.NOT_FOUND', message: 'no room' });
  });
});
