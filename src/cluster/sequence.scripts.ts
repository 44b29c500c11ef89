import { createHash } from 'node:crypto';

/**
 * The Lua scripts of RedisSequenceService. A room's counter is a hash {last, ceiling}: `last` is
 * the last position handed out, `ceiling` a position durably reserved in the store
 * (MessageRepository.reserveSeq) that `last` never passes. Redis runs without persistence: when
 * the hash is gone, the counter is seeded again from a fresh store reservation, which is above
 * every position ever handed out, so none is reused.
 */

// Hash-tagged by room, so a room's keys would share a slot on a Redis Cluster.
export const counterKey = (roomId: string): string => `chat:{${roomId}}:seq`;
export const acceptedKey = (roomId: string, key: string): string => `chat:{${roomId}}:accepted:${key}`;
export const seedingKey = (roomId: string): string => `chat:{${roomId}}:seeding`;
/** Short, so the idempotency record stays small: it only tells a resend's body from another one. */
export const bodyDigest = (body: string): string => createHash('sha256').update(body).digest('base64url').slice(0, 12);

export type ClaimReply = ['ok' | 'low', number, number] | ['dup', number] | ['differs', number] | ['reserve'] | ['seed', string] | ['wait'];
export interface SequenceCommands {
  chatClaimSeq(counter: string, key: string, seeding: string, windowMs: number, lowWater: number, token: string, node: string, seedingMs: number, digest: string): Promise<ClaimReply>;
  chatReservedSeq(counter: string, seeding: string, token: string, base: number, ceiling: number): Promise<number>;
}

/**
 * One per send: the idempotency key first (an earlier message with it answers its seq, or
 * 'differs' when its body's digest was another), then the next position, recorded under the key
 * with the body's digest for the window. With it, how many ms ago another node
 * took the position before (-1 when this node did): a delivery may wait for that one briefly.
 * A missing counter is seeded by one node at a time (the token, for seedingMs), so the first
 * positions of a room are 1, 2, ... and not the second of two concurrent reservations.
 * KEYS: counter, idempotency key, seeding token. ARGV: window ms, low-water mark, token, node id, seedingMs, digest.
 * Answers ['ok', seq, ms] | ['low', seq, ms] (reserve ahead) | ['dup', seq] | ['differs', seq] | ['reserve'] | ['seed', token] | ['wait'].
 */
export const CLAIM = `
local prior = redis.call('GET', KEYS[2])
if prior then
  local seq, digest = string.match(prior, '^(%d+):?(.*)$')
  if digest ~= '' and digest ~= ARGV[6] then return {'differs', tonumber(seq)} end
  return {'dup', tonumber(seq)}
end
local pos = redis.call('HMGET', KEYS[1], 'last', 'ceiling', 'by', 'at')
if not pos[1] then
  if redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[5]) then return {'seed', ARGV[3]} end
  return {'wait'}
end
local last = tonumber(pos[1]) + 1
local ceiling = tonumber(pos[2])
if last > ceiling then return {'reserve'} end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local since = -1
if pos[3] and pos[3] ~= ARGV[4] then since = now - tonumber(pos[4]) end
redis.call('HSET', KEYS[1], 'last', last, 'by', ARGV[4], 'at', now)
redis.call('SET', KEYS[2], last .. ':' .. ARGV[6], 'PX', ARGV[1])
if ceiling - last <= tonumber(ARGV[2]) then return {'low', last, since} end
return {'ok', last, since}`;

/**
 * After a store reservation up to ARGV[3]: raises the ceiling of a live counter; seeds a missing
 * one at ARGV[2] only under the token the claim handed out, so a reservation older than a second
 * loss of the data never seeds (it could be below positions handed out since). Answers 1, or 0
 * when nothing was done.
 * KEYS: counter, seeding token. ARGV: token ('' to raise only), first position - 1, new ceiling.
 */
export const RESERVED = `
local pos = redis.call('HMGET', KEYS[1], 'last', 'ceiling')
if pos[1] then
  if tonumber(ARGV[3]) > tonumber(pos[2]) then redis.call('HSET', KEYS[1], 'ceiling', ARGV[3]) end
  return 1
end
if ARGV[1] ~= '' and redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('HSET', KEYS[1], 'last', ARGV[2], 'ceiling', ARGV[3])
  redis.call('DEL', KEYS[2])
  return 1
end
return 0`;
