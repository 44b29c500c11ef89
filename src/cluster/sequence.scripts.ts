/**
 * The Lua scripts of RedisSequenceService. A room's counter is a hash {last, ceiling}: `last` is
 * the last position handed out, `ceiling` a position durably reserved in the store
 * (MessageRepository.reserveSeq) that `last` never passes. Redis runs without persistence: when
 * the hash is gone, the counter is seeded again from a fresh store reservation, which is above
 * every position ever handed out, so none is reused.
 */

/**
 * One per send: the idempotency key first (an earlier message with it answers its seq), then the
 * next position, recorded under the key for the window.
 * KEYS: counter, idempotency key. ARGV: window ms, low-water mark, seeding token.
 * Answers ['ok', seq] | ['low', seq] (reserve ahead) | ['dup', seq] | ['reserve'] | ['seed', token].
 */
export const CLAIM = `
local prior = redis.call('GET', KEYS[2])
if prior then return {'dup', tonumber(prior)} end
local pos = redis.call('HMGET', KEYS[1], 'last', 'ceiling')
if not pos[1] then
  redis.call('HSETNX', KEYS[1], 'seeding', ARGV[3])
  return {'seed', redis.call('HGET', KEYS[1], 'seeding')}
end
local last = tonumber(pos[1]) + 1
local ceiling = tonumber(pos[2])
if last > ceiling then return {'reserve'} end
redis.call('HSET', KEYS[1], 'last', last)
redis.call('SET', KEYS[2], last, 'PX', ARGV[1])
if ceiling - last <= tonumber(ARGV[2]) then return {'low', last} end
return {'ok', last}`;

/**
 * After a store reservation up to ARGV[3]: raises the ceiling of a live counter; seeds a missing
 * one at ARGV[2] only under the token the claim handed out, so a reservation older than a second
 * loss of the data never seeds (it could be below positions handed out since). Answers 1, or 0
 * when nothing was done.
 * KEYS: counter. ARGV: seeding token ('' to raise only), first position - 1, new ceiling.
 */
export const RESERVED = `
local pos = redis.call('HMGET', KEYS[1], 'last', 'ceiling', 'seeding')
if pos[1] then
  if tonumber(ARGV[3]) > tonumber(pos[2]) then redis.call('HSET', KEYS[1], 'ceiling', ARGV[3]) end
  return 1
end
if ARGV[1] ~= '' and pos[3] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'last', ARGV[2], 'ceiling', ARGV[3])
  redis.call('HDEL', KEYS[1], 'seeding')
  return 1
end
return 0`;
