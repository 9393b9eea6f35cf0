-- A token bucket: refills at ARGV[1] tokens per millisecond up to ARGV[2] tokens; takes one if it can.
-- KEYS: 1 bucket (hash: tokens, at)
-- ARGV: 1 refill per ms, 2 capacity, 3 now (epoch ms)
-- Returns 0 when a token was taken, otherwise the milliseconds until one is free
local rate, capacity, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- an idle bucket is full again after capacity / rate; keeping it longer would only waste memory
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + 1000)
return wait
