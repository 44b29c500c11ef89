import { queuedBytesOver } from './queued-bytes';

describe(queuedBytesOver.name, () => {
  it('sums string lengths plus one byte of packet type per packet', () => {
    const packets = [{ data: 'x'.repeat(10) }, { data: 'y'.repeat(10) }];
    expect(queuedBytesOver(packets, 22)).toBe(false);
    expect(queuedBytesOver(packets, 21)).toBe(true);
  });

  it('counts binary payloads by their byte length and packets without data as one byte', () => {
    expect(queuedBytesOver([{ data: Buffer.alloc(100) }, { data: new ArrayBuffer(50) }, {}], 153)).toBe(false);
    expect(queuedBytesOver([{ data: Buffer.alloc(100) }, { data: new ArrayBuffer(50) }, {}], 152)).toBe(true);
  });

  it('is false for an empty queue', () => {
    expect(queuedBytesOver([], 0)).toBe(false);
  });
});
