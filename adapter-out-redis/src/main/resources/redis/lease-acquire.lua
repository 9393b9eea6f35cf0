-- Takes a lease that is free, or renews one this holder already has.
-- KEYS: 1 lease; ARGV: 1 holder id, 2 ttl (ms). Returns 1 if the caller holds the lease now.
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
