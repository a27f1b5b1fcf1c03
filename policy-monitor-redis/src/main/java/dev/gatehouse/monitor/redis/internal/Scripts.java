package dev.gatehouse.monitor.redis.internal;

/** The Lua scripts, each atomic on one shard: what one event changes, and what one lookup reads. */
final class Scripts {

  private Scripts() {}

  /**
   * A user's part of an event. KEYS: profile, devices, countries, failures, events. ARGV: time ms,
   * kind (f failure, t trusted, o other), event json, device, country, hour, latitude, longitude,
   * events cap, devices cap, countries cap, failures cap, ttl ms, failure member, country of the
   * sighting (empty for none).
   */
  static final String RECORD_USER =
      """
      local t = tonumber(ARGV[1])
      local ttl = tonumber(ARGV[13])
      local cap = tonumber(ARGV[9])
      if cap > 0 then
        redis.call('RPUSH', KEYS[5], ARGV[3])
        redis.call('LTRIM', KEYS[5], -cap, -1)
        redis.call('PEXPIRE', KEYS[5], ttl)
      end
      local function remember(key, member, keep)
        local old = redis.call('ZSCORE', key, member)
        if (not old) or tonumber(old) < t then
          redis.call('ZADD', key, t, member)
        end
        redis.call('ZREMRANGEBYRANK', key, 0, -keep - 1)
        redis.call('PEXPIRE', key, ttl)
      end
      if ARGV[2] == 'f' then
        redis.call('ZADD', KEYS[4], t, ARGV[14])
        redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -tonumber(ARGV[12]) - 1)
        redis.call('PEXPIRE', KEYS[4], ttl)
      elseif ARGV[2] == 't' then
        redis.call('HINCRBY', KEYS[1], 'n', 1)
        local mask = tonumber(redis.call('HGET', KEYS[1], 'h') or '0')
        redis.call('HSET', KEYS[1], 'h', bit.bor(mask, bit.lshift(1, tonumber(ARGV[6]))))
        if ARGV[4] ~= '' then remember(KEYS[2], ARGV[4], tonumber(ARGV[10])) end
        if ARGV[5] ~= '' then remember(KEYS[3], ARGV[5], tonumber(ARGV[11])) end
        local last = tonumber(redis.call('HGET', KEYS[1], 'lt') or '-1')
        -- the time as sent, not as a Lua number, which Redis would write in exponent form
        if ARGV[15] ~= '' and t >= last then
          redis.call('HSET', KEYS[1], 'lt', ARGV[1], 'lc', ARGV[15], 'la', ARGV[7], 'lo', ARGV[8])
        end
      end
      redis.call('HSETNX', KEYS[1], 'n', 0)
      redis.call('PEXPIRE', KEYS[1], ttl)
      return 1
      """;

  /**
   * What one lookup reads. KEYS: the user's five keys as {@link #RECORD_USER} unless ARGV[1] is
   * {@code n}, then failure keys to count. ARGV: {@code e} for the user with their events, {@code
   * u} for the user without them (an assessment never reads them), {@code n} for no user; the
   * window's start and end in ms. Returns for a user the profile hash as pairs, the devices, the
   * countries, the failure members (each starting with its time) and the events (empty for {@code
   * u}), then each failure key's count in the window.
   *
   * <p>On a standalone server one call reads the user and both failure counts; in a cluster the
   * failure keys sit on other shards, so it reads the user alone and the counts are {@code
   * ZCOUNT}s.
   */
  static final String READ =
      """
      local out = {}
      local first = 1
      if ARGV[1] ~= 'n' then
        local events = {}
        if ARGV[1] == 'e' then events = redis.call('LRANGE', KEYS[5], 0, -1) end
        out = {
          redis.call('HGETALL', KEYS[1]),
          redis.call('ZRANGE', KEYS[2], 0, -1),
          redis.call('ZRANGE', KEYS[3], 0, -1),
          redis.call('ZRANGE', KEYS[4], 0, -1),
          events
        }
        first = 6
      end
      for i = first, #KEYS do
        out[#out + 1] = redis.call('ZCOUNT', KEYS[i], ARGV[2], ARGV[3])
      end
      return out
      """;

  /**
   * One failure from an address or a network. KEYS: failure times. ARGV: time ms, member, cap,
   * retention ms.
   */
  static final String RECORD_FAILURE =
      """
      local t = tonumber(ARGV[1])
      redis.call('ZADD', KEYS[1], t, ARGV[2])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (t - tonumber(ARGV[4])))
      redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
      redis.call('PEXPIRE', KEYS[1], ARGV[4])
      return 1
      """;

  /**
   * The bounds on users and addresses. KEYS: users, unproven users, addresses. ARGV: user id,
   * trusted (1 or 0), now ms, max users, max unproven users, max addresses, ttl ms, then the
   * failure keys touched. Returns the evicted entries, {@code u} or {@code a} and the id or key.
   */
  static final String INDEX =
      """
      local evicted = {}
      local now = tonumber(ARGV[3])
      if ARGV[2] == '1' then
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
      elseif redis.call('ZSCORE', KEYS[1], ARGV[1]) then
        redis.call('ZADD', KEYS[1], now, ARGV[1])
      else
        redis.call('ZADD', KEYS[2], now, ARGV[1])
      end
      for i = 8, #ARGV do redis.call('ZADD', KEYS[3], now, ARGV[i]) end
      local function trim(key, cap, kind)
        local over = redis.call('ZCARD', key) - cap
        if over > 0 then
          local popped = redis.call('ZPOPMIN', key, over)
          for i = 1, #popped, 2 do evicted[#evicted + 1] = kind .. popped[i] end
        end
        redis.call('PEXPIRE', key, ARGV[7])
      end
      trim(KEYS[1], tonumber(ARGV[4]), 'u')
      trim(KEYS[2], tonumber(ARGV[5]), 'u')
      trim(KEYS[3], tonumber(ARGV[6]), 'a')
      return evicted
      """;
}
