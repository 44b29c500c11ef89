import { PRESENCE_PREFIX as P } from './presence.lua';

/** ARGV userId, roomId...: marks an online user as an online member of the rooms. */
export const JOIN = `
if redis.call('HEXISTS', '${P}:online', ARGV[1]) == 0 then return 0 end
for i = 2, #ARGV do
  redis.call('SADD', '${P}:rooms:' .. ARGV[1], ARGV[i])
  local roomKey = '${P}:room:' .. ARGV[i]
  if redis.call('SADD', roomKey, ARGV[1]) == 1 and redis.call('SCARD', roomKey) == 1 then redis.call('HINCRBY', '${P}:stats', 'rooms', 1) end
end
return 1`;

/** ARGV userId, roomId. */
export const LEAVE = `
redis.call('SREM', '${P}:rooms:' .. ARGV[1], ARGV[2])
local roomKey = '${P}:room:' .. ARGV[2]
if redis.call('SREM', roomKey, ARGV[1]) == 1 and redis.call('SCARD', roomKey) == 0 then redis.call('HINCRBY', '${P}:stats', 'rooms', -1) end
return 1`;

/** ARGV roomId: {userId, username, ...} of the room's online members. */
export const MEMBERS = `
local out = {}
for _, uid in ipairs(redis.call('SMEMBERS', '${P}:room:' .. ARGV[1])) do
  local name = redis.call('HGET', '${P}:online', uid)
  if name then table.insert(out, uid) table.insert(out, name) end
end
return out`;

/** ARGV nodeId, ttlMs: renews this node's heartbeat; returns {1 if it was still alive else 0, nodes whose heartbeat expired...}. */
export const BEAT = `
local was = redis.call('SET', '${P}:alive:' .. ARGV[1], '1', 'PX', tonumber(ARGV[2]), 'GET')
redis.call('SADD', '${P}:nodes', ARGV[1])
local dead = {was and 1 or 0}
for _, node in ipairs(redis.call('SMEMBERS', '${P}:nodes')) do
  if redis.call('EXISTS', '${P}:alive:' .. node) == 0 then table.insert(dead, node) end
end
return dead`;
