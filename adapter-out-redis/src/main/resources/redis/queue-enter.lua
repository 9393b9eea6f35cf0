-- Puts a user in one concert's line, or answers the token the user already holds there. A new token is active
-- at once when nobody waits and the last tick left room (queue-admit.lua): one place of the room, until the
-- next tick is due, and only while the concert has fewer than max active tokens.
-- KEYS: 1 seq, 2 waiting, 3 active, 4 users (user -> token), 5 tokens (token -> user), 6 stats
-- ARGV: 1 user id, 2 candidate token, 3 now (epoch ms)
-- Returns {token, status, position-or-active-until, created (1/0), admission rate or ''}
local user, candidate, now = ARGV[1], ARGV[2], tonumber(ARGV[3])
local rate = redis.call('HGET', KEYS[6], 'rate') or ''
local existing = redis.call('HGET', KEYS[4], user)
if existing then
  local activeUntil = redis.call('ZSCORE', KEYS[3], existing)
  if activeUntil then
    if tonumber(activeUntil) > now then
      return {existing, 'ACTIVE', activeUntil, 0, rate}
    end
    redis.call('ZREM', KEYS[3], existing)
  else
    local rank = redis.call('ZRANK', KEYS[2], existing)
    if rank then
      return {existing, 'WAITING', tostring(rank + 1), 0, rate}
    end
  end
  -- the old token ended (its time ran out): the user starts over at the back of the line
  redis.call('HDEL', KEYS[5], existing)
  redis.call('HDEL', KEYS[4], user)
end
if redis.call('ZCARD', KEYS[2]) == 0 then
  local room = redis.call('HMGET', KEYS[6], 'room', 'roomUntil', 'ttl', 'max')
  if room[1] and tonumber(room[1]) > 0 and now < tonumber(room[2])
      and redis.call('ZCARD', KEYS[3]) < tonumber(room[4]) then
    local activeUntil = now + tonumber(room[3])
    redis.call('HINCRBY', KEYS[6], 'room', -1)
    redis.call('ZADD', KEYS[3], activeUntil, candidate)
    redis.call('HSET', KEYS[4], user, candidate)
    redis.call('HSET', KEYS[5], candidate, user)
    return {candidate, 'ACTIVE', tostring(activeUntil), 1, rate}
  end
end
local ticket = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], ticket, candidate)
redis.call('HSET', KEYS[4], user, candidate)
redis.call('HSET', KEYS[5], candidate, user)
local rank = redis.call('ZRANK', KEYS[2], candidate)
return {candidate, 'WAITING', tostring(rank + 1), 1, rate}
