/**
 * Presence in Redis: every "first socket" / "last socket" decision is one script, so it is
 * atomic across nodes. Keys (P = PRESENCE_PREFIX):
 *   P:node:<nodeId>  hash socketId -> userId   every socket a node holds (reaped when it dies)
 *   P:alive:<nodeId> string with a TTL          the node's heartbeat
 *   P:nodes          set of nodeIds             nodes that may still hold sockets
 *   P:user:<userId>  hash socketId -> 0|1       the user's sockets: 0 admitted, 1 online
 *   P:online         hash userId -> username    users with at least one online socket
 *   P:rooms:<userId> set of roomIds, P:room:<roomId> set of userIds: online room members
 *   P:stats          hash sockets, rooms        counters kept by the scripts
 * Keys are built inside the scripts from the prefix: one Redis, not Redis Cluster.
 */
export const PRESENCE_PREFIX = 'presence';

const P = PRESENCE_PREFIX;

/** Forgets one socket of a node; returns nil, or {userId, wentOffline 0|1, roomIds...}. */
const REMOVE_FN = `
local function remove(node, sid)
  local nodeKey = '${P}:node:' .. node
  local uid = redis.call('HGET', nodeKey, sid)
  if not uid then return nil end
  redis.call('HDEL', nodeKey, sid)
  local userKey = '${P}:user:' .. uid
  local state = redis.call('HGET', userKey, sid)
  redis.call('HDEL', userKey, sid)
  if state ~= '1' then return nil end
  redis.call('HINCRBY', '${P}:stats', 'sockets', -1)
  local roomsKey = '${P}:rooms:' .. uid
  local rooms = redis.call('SMEMBERS', roomsKey)
  local out = {uid, 0}
  for _, r in ipairs(rooms) do table.insert(out, r) end
  for _, s in ipairs(redis.call('HVALS', userKey)) do
    if s == '1' then return out end
  end
  for _, r in ipairs(rooms) do
    local roomKey = '${P}:room:' .. r
    if redis.call('SREM', roomKey, uid) == 1 and redis.call('SCARD', roomKey) == 0 then redis.call('HINCRBY', '${P}:stats', 'rooms', -1) end
  end
  redis.call('DEL', roomsKey)
  redis.call('HDEL', '${P}:online', uid)
  out[2] = 1
  return out
end
`;

/** ARGV nodeId, socketId, userId, max: admits the socket when the user holds fewer than max anywhere. */
export const ADMIT = `
local userKey = '${P}:user:' .. ARGV[3]
if redis.call('HEXISTS', userKey, ARGV[2]) == 1 then return 1 end
if redis.call('HLEN', userKey) >= tonumber(ARGV[4]) then return 0 end
redis.call('HSET', userKey, ARGV[2], '0')
redis.call('HSET', '${P}:node:' .. ARGV[1], ARGV[2], ARGV[3])
return 1`;

/** ARGV nodeId, socketId, userId, username: 1 when this is the user's first online socket anywhere. */
export const ADD = `
local userKey = '${P}:user:' .. ARGV[3]
if redis.call('HGET', userKey, ARGV[2]) == '1' then return 0 end
redis.call('HSET', userKey, ARGV[2], '1')
redis.call('HSET', '${P}:node:' .. ARGV[1], ARGV[2], ARGV[3])
redis.call('HINCRBY', '${P}:stats', 'sockets', 1)
return redis.call('HSETNX', '${P}:online', ARGV[3], ARGV[4])`;

/** ARGV nodeId, socketId. */
export const REMOVE = `${REMOVE_FN}
return remove(ARGV[1], ARGV[2])`;

/** ARGV nodeId, batch: forgets up to batch sockets of a dead node; {done 0|1, removals...}. */
export const REAP = `${REMOVE_FN}
local nodeKey = '${P}:node:' .. ARGV[1]
-- Beating again (it was only cut off from Redis): it registers its sockets anew, keep them.
if redis.call('EXISTS', '${P}:alive:' .. ARGV[1]) == 1 then return {1} end
local out = {0}
for _, sid in ipairs(redis.call('HRANDFIELD', nodeKey, tonumber(ARGV[2])) or {}) do
  local removal = remove(ARGV[1], sid)
  if removal then table.insert(out, removal) end
end
if redis.call('EXISTS', nodeKey) == 0 then
  redis.call('SREM', '${P}:nodes', ARGV[1])
  out[1] = 1
end
return out`;
