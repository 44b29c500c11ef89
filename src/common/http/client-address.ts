import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Request } from 'express';
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** The eight 16-bit groups of an IPv6 address, zone id dropped, `::` expanded. */
function groups(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const fill = ip.includes('::') ? Array<string>(8 - left.length - right.length).fill('0') : [];
  return [...left, ...fill, ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}

/**
 * One key per client for per-address limits. The same client must not get several buckets:
 * an IPv4-mapped address is its IPv4 address, IPv6 loopback is 127.0.0.1 (both are this host),
 * and an IPv6 address counts by its /64, the block one subscriber is normally given.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = MAPPED_V4.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip.split('%')[0])) return ip;
  const g = groups(ip);
  if (g.join(':') === '0:0:0:0:0:0:0:1') return '127.0.0.1';
  return `${g.slice(0, 4).join(':')}::/64`;
}

/** The request's client address as a limit key (after TRUST_PROXY_HOPS, see app.setup.ts). */
export const ClientAddress = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return addressKey(req.ip ?? req.socket.remoteAddress);
});
