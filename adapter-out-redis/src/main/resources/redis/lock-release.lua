-- Ends a lock this holder still has: kept until its earliest end when that is still ahead, else deleted.
-- KEYS: 1 lock; ARGV: 1 holder id, 2 milliseconds until the earliest end (0 or less: now).
-- Returns 1 if the caller held the lock, 0 if it had run out or was another holder's.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
local keep = tonumber(ARGV[2])
if keep > 0 then
  redis.call('PEXPIRE', KEYS[1], keep)
else
  redis.call('DEL', KEYS[1])
end
return 1
