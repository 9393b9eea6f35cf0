-- Where a token stands, if it exists, belongs to the user and has not ended.
-- KEYS: 1 waiting, 2 active, 3 tokens (token -> user), 4 stats
-- ARGV: 1 token, 2 user id, 3 now (epoch ms)
-- Returns {status, position-or-active-until, admission rate or ''}, or an empty reply
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then
  return {}
end
local rate = redis.call('HGET', KEYS[4], 'rate') or ''
local activeUntil = redis.call('ZSCORE', KEYS[2], ARGV[1])
if activeUntil then
  if tonumber(activeUntil) > tonumber(ARGV[3]) then
    return {'ACTIVE', activeUntil, rate}
  end
  return {}
end
local rank = redis.call('ZRANK', KEYS[1], ARGV[1])
if rank then
  return {'WAITING', tostring(rank + 1), rate}
end
return {}
