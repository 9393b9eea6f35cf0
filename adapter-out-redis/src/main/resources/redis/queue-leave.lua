-- Ends a token: by the token and its owner (leaving), or by the user alone (completing after payment).
-- KEYS: 1 waiting, 2 active, 3 users (user -> token), 4 tokens (token -> user)
-- ARGV: 1 user id, 2 token, or '' to end whatever token the user holds
-- Returns 1 if a token ended, 0 if there was none (or it was somebody else's)
local user, token = ARGV[1], ARGV[2]
if token == '' then
  token = redis.call('HGET', KEYS[3], user)
  if not token then
    return 0
  end
elseif redis.call('HGET', KEYS[4], token) ~= user then
  return 0
end
redis.call('ZREM', KEYS[1], token)
redis.call('ZREM', KEYS[2], token)
redis.call('HDEL', KEYS[4], token)
if redis.call('HGET', KEYS[3], user) == token then
  redis.call('HDEL', KEYS[3], user)
end
return 1
