-- One admission step for one concert: drop active tokens whose time ran out, then move
-- min(batch, maxActive - active) waiting tokens, lowest ticket first, to active; keep the moving average
-- of admissions per second while anybody waits. Atomic, so any number of callers never exceed maxActive.
-- KEYS: 1 waiting, 2 active, 3 users, 4 tokens, 5 stats, 6 seq
-- ARGV: 1 now (epoch ms), 2 active ttl (ms), 3 batch size, 4 max active, 5 averaging time constant (ms),
--       6 interval (ms) when entries may be admitted at once, 0 when every entry waits for a tick
-- Leaves the part of the batch it did not use as room for entries until the next tick is due (stats fields
-- room, roomUntil, ttl, max; see queue-enter.lua).
-- Returns {admitted, expired, waiting, active}
local now = tonumber(ARGV[1])

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, token in ipairs(expired) do
  local user = redis.call('HGET', KEYS[4], token)
  redis.call('HDEL', KEYS[4], token)
  if user and redis.call('HGET', KEYS[3], user) == token then
    redis.call('HDEL', KEYS[3], user)
  end
end
if #expired > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
end

local waitingBefore = redis.call('ZCARD', KEYS[1])
local active = redis.call('ZCARD', KEYS[2])
local slots = math.min(tonumber(ARGV[3]), tonumber(ARGV[4]) - active)
local admitted = 0
if slots > 0 and waitingBefore > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[1], slots)
  local activeUntil = now + tonumber(ARGV[2])
  for i = 1, #popped, 2 do
    redis.call('ZADD', KEYS[2], activeUntil, popped[i])
    admitted = admitted + 1
  end
end

local last = redis.call('HGET', KEYS[5], 'at')
if waitingBefore > 0 and last then
  local seconds = (now - tonumber(last)) / 1000
  if seconds > 0 then
    local rate = admitted / seconds
    local previous = redis.call('HGET', KEYS[5], 'rate')
    if previous then
      local alpha = 1 - math.exp(-(now - tonumber(last)) / tonumber(ARGV[5]))
      rate = alpha * rate + (1 - alpha) * tonumber(previous)
    end
    redis.call('HSET', KEYS[5], 'rate', tostring(rate))
  end
end
redis.call('HSET', KEYS[5], 'at', tostring(now))
local interval = tonumber(ARGV[6])
if interval > 0 then
  redis.call('HSET', KEYS[5], 'room', tostring(tonumber(ARGV[3]) - admitted), 'roomUntil', tostring(now + interval),
    'ttl', ARGV[2], 'max', ARGV[4])
else
  redis.call('HDEL', KEYS[5], 'room', 'roomUntil', 'ttl', 'max')
end
redis.call('PEXPIRE', KEYS[5], 86400000)

local waiting = redis.call('ZCARD', KEYS[1])
active = redis.call('ZCARD', KEYS[2])
if waiting == 0 and active == 0 then
  -- an empty line starts its ticket numbers over; nobody is left to be overtaken
  redis.call('DEL', KEYS[3], KEYS[4], KEYS[6])
end
return {admitted, #expired, waiting, active}
