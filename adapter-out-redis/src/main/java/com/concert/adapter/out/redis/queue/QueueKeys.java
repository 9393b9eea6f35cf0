package com.concert.adapter.out.redis.queue;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.domain.concert.ConcertId;

/**
 * The keys of one concert's line. All of them carry the hash tag {@code {c<id>}}, so that they live in one
 * Redis Cluster slot and one script may touch them together.
 *
 * <pre>
 * queue:{c42}:seq      string   ticket counter (INCR): arrival order without ties or clock skew
 * queue:{c42}:waiting  zset     token -> ticket number
 * queue:{c42}:active   zset     token -> active-until (epoch ms)
 * queue:{c42}:users    hash     user id -> token
 * queue:{c42}:tokens   hash     token -> user id
 * queue:{c42}:stats    hash     rate (admissions/s, moving average), at (last tick, epoch ms)
 * queue:concerts       set      concert ids with anybody waiting or active (no tag: read by the scheduler)
 * </pre>
 */
record QueueKeys(String seq, String waiting, String active, String users, String tokens, String stats) {

    static QueueKeys of(RedisNamespace namespace, ConcertId concert) {
        String base = namespace.key("queue:{c" + concert.value() + "}:");
        return new QueueKeys(base + "seq", base + "waiting", base + "active", base + "users", base + "tokens",
                base + "stats");
    }

    static String concertIndex(RedisNamespace namespace) {
        return namespace.key("queue:concerts");
    }

    String[] forEnter() {
        return new String[]{seq, waiting, active, users, tokens, stats};
    }

    String[] forStatus() {
        return new String[]{waiting, active, tokens, stats};
    }

    String[] forLeave() {
        return new String[]{waiting, active, users, tokens};
    }

    String[] forAdmit() {
        return new String[]{waiting, active, users, tokens, stats, seq};
    }
}
