import { addressKey } from './client-address';

describe(addressKey.name, () => {
  it('gives the IPv4 address for itself and for its IPv4-mapped IPv6 forms', () => {
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::FFFF:127.0.0.1')).toBe('127.0.0.1');
  });

  it('treats IPv6 loopback as 127.0.0.1, in any spelling', () => {
    expect(addressKey('::1')).toBe('127.0.0.1');
    expect(addressKey('0:0:0:0:0:0:0:1')).toBe('127.0.0.1');
  });

  it('counts IPv6 by /64, so one subscriber cannot rotate through its block', () => {
    const a = addressKey('2001:db8:aa:1::1');
    expect(a).toBe('2001:db8:aa:1::/64');
    expect(addressKey('2001:0db8:00aa:0001:ffff:1:2:3')).toBe(a);
    expect(addressKey('2001:db8:aa:2::1')).not.toBe(a);
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps anything else apart rather than merging it with others', () => {
    expect(addressKey(undefined)).toBe('unknown');
    expect(addressKey('not-an-ip')).toBe('not-an-ip');
  });
});
