import { PeerRequests } from './peer-requests';

describe(PeerRequests.name, () => {
  const sut = new PeerRequests<string>();

  it('ends complete once every expected node answered, without waiting for the deadline', async () => {
    const gathered = sut.gather('r1', 2, 60_000);
    sut.answered('r1', 'a');
    sut.answered('r1', 'b');
    await expect(gathered).resolves.toEqual({ complete: true, answers: ['a', 'b'] });
  });

  it('keeps the answers that came when a node stays silent, and says it is incomplete', async () => {
    const gathered = sut.gather('r2', 3, 50);
    sut.answered('r2', 'live');
    await expect(gathered).resolves.toEqual({ complete: false, answers: ['live'] });
  });

  it("drops answers to another node's request and late ones", async () => {
    const gathered = sut.gather('r3', 1, 50);
    sut.answered('other', 'x');
    await expect(gathered).resolves.toEqual({ complete: false, answers: [] });
    expect(() => sut.answered('r3', 'late')).not.toThrow();
  });

  it('is complete at once with no other node', async () => {
    await expect(sut.gather('r4', 0, 60_000)).resolves.toEqual({ complete: true, answers: [] });
  });
});
