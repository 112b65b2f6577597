/**
 * Deletes every entry listed in the tag sets (KEYS) and the sets, atomically, so an entry tagged while the
 * invalidation runs cannot lose its tag. A script because the members must be read and deleted in one step
 * (MULTI cannot use a read's result). Members are stored without the client's key prefix (ZADD members are
 * values, which ioredis does not prefix), so the prefix comes in as ARGV[1].
 *
 * Entry keys are derived from the sets rather than declared, which is fine on a single Redis or a
 * primary/replica pair; all keys of one tenant would need one hash slot for Redis Cluster.
 */
export const INVALIDATE_TAGS_LUA = `
local deleted = 0
for _, tag in ipairs(KEYS) do
  local members = redis.call('ZRANGE', tag, 0, -1)
  for _, member in ipairs(members) do
    deleted = deleted + redis.call('DEL', ARGV[1] .. member)
  end
  redis.call('DEL', tag)
end
return deleted
`;
