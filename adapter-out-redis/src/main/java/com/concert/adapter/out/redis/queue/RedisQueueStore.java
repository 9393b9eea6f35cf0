package com.concert.adapter.out.redis.queue;

import com.concert.adapter.out.redis.RedisNamespace;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisFailures;
import com.concert.adapter.out.redis.connection.RedisScript;
import com.concert.domain.concert.ConcertId;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.AdmissionResult;
import com.concert.domain.queue.QueueEntry;
import com.concert.domain.queue.QueueStore;
import com.concert.domain.queue.QueueToken;
import com.concert.domain.queue.QueueTokenId;
import com.concert.domain.shared.UserId;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link QueueStore} in Redis: each operation is one Lua script over the concert's hash-tagged keys (see
 * {@link QueueKeys}), atomic and one round trip. The concert index is a plain set kept beside the scripts,
 * because a Redis Cluster cannot put it in every concert's slot; the order of its updates makes up for that
 * (see {@link #enter} and {@link #admit}).
 */
public final class RedisQueueStore implements QueueStore {

    /** The admission rate is a moving average over roughly this long. */
    static final Duration RATE_TIME_CONSTANT = Duration.ofSeconds(30);

    private static final RedisScript ENTER = RedisScript.load("queue-enter");
    private static final RedisScript STATUS = RedisScript.load("queue-status");
    private static final RedisScript LEAVE = RedisScript.load("queue-leave");
    private static final RedisScript ADMIT = RedisScript.load("queue-admit");

    private final LettuceRedis redis;
    private final RedisNamespace namespace;
    private final String concertIndex;

    public RedisQueueStore(LettuceRedis redis, RedisNamespace namespace) {
        this.redis = redis;
        this.namespace = namespace;
        this.concertIndex = QueueKeys.concertIndex(namespace);
    }

    /**
     * The concert is indexed after its new token is in line, never before: on a single server the index update
     * is pipelined behind the entry script (Redis runs them in that order, in one round trip); on a cluster,
     * where the index may live on another node, it is sent once the script has answered.
     */
    @Override
    public QueueEntry enter(ConcertId concert, UserId user, QueueTokenId candidate, Instant now) {
        QueueKeys keys = QueueKeys.of(namespace, concert);
        String[] args = {user.toString(), candidate.value(), Long.toString(now.toEpochMilli())};
        List<Object> reply;
        if (redis.isCluster()) {
            reply = ENTER.run(redis, ScriptOutputType.MULTI, keys.forEnter(), args);
            RedisFailures.translate(() -> redis.commands().sadd(concertIndex, concert.toString()));
        } else {
            RedisFuture<List<Object>> sent = ENTER.send(redis, ScriptOutputType.MULTI, keys.forEnter(), args);
            RedisFuture<Long> indexed = redis.async().sadd(concertIndex, concert.toString());
            reply = ENTER.await(sent, redis, ScriptOutputType.MULTI, keys.forEnter(), args);
            RedisFailures.translate(() -> {
                try {
                    return indexed.get();
                } catch (Exception e) {
                    // the script's answer proved Redis up: index again, after the script for sure this time
                    return redis.commands().sadd(concertIndex, concert.toString());
                }
            });
        }
        QueueTokenId token = new QueueTokenId((String) reply.get(0));
        return new QueueEntry(token((String) reply.get(1), token, user, (String) reply.get(2)),
                ((Long) reply.get(3)) == 1L, rate(reply.get(4)));
    }

    @Override
    public Optional<QueueEntry> find(QueueTokenId token, UserId user, Instant now) {
        QueueKeys keys = QueueKeys.of(namespace, token.concertId());
        List<Object> reply = STATUS.run(redis, ScriptOutputType.MULTI, keys.forStatus(),
                token.value(), user.toString(), Long.toString(now.toEpochMilli()));
        if (reply == null || reply.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new QueueEntry(token((String) reply.get(0), token, user, (String) reply.get(1)), false,
                rate(reply.get(2))));
    }

    @Override
    public boolean leave(QueueTokenId token, UserId user) {
        QueueKeys keys = QueueKeys.of(namespace, token.concertId());
        Long ended = LEAVE.run(redis, ScriptOutputType.INTEGER, keys.forLeave(), user.toString(), token.value());
        return ended == 1L;
    }

    @Override
    public void complete(ConcertId concert, UserId user) {
        LEAVE.run(redis, ScriptOutputType.INTEGER, QueueKeys.of(namespace, concert).forLeave(), user.toString(), "");
    }

    /**
     * When a tick finds the line empty, the concert leaves the index, and is put back if a token arrived in the
     * meantime (waiting, or let in at once): an entry indexes its concert after its token is in, so the second
     * look cannot miss it.
     */
    @Override
    public AdmissionResult admit(ConcertId concert, AdmissionPolicy policy, Instant now) {
        QueueKeys keys = QueueKeys.of(namespace, concert);
        List<Long> reply = ADMIT.run(redis, ScriptOutputType.MULTI, keys.forAdmit(),
                Long.toString(now.toEpochMilli()), Long.toString(policy.activeTtl().toMillis()),
                Integer.toString(policy.batchSize()), Integer.toString(policy.maxActive()),
                Long.toString(RATE_TIME_CONSTANT.toMillis()),
                Long.toString(policy.admitOnEntry() ? policy.interval().toMillis() : 0));
        AdmissionResult result = new AdmissionResult(concert, reply.get(0).intValue(), reply.get(1).intValue(),
                reply.get(2), reply.get(3));
        if (result.waiting() == 0 && result.active() == 0) {
            RedisFailures.translate(() -> {
                redis.commands().srem(concertIndex, concert.toString());
                if (redis.commands().zcard(keys.waiting()) > 0 || redis.commands().zcard(keys.active()) > 0) {
                    redis.commands().sadd(concertIndex, concert.toString());
                }
                return null;
            });
        }
        return result;
    }

    @Override
    public Set<ConcertId> concertsInLine() {
        return RedisFailures.translate(() -> redis.commands().smembers(concertIndex)).stream()
                .map(id -> new ConcertId(Long.parseLong(id)))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static QueueToken token(String status, QueueTokenId token, UserId user, String placeOrEnd) {
        return switch (status) {
            case "WAITING" -> QueueToken.waiting(token, user, Long.parseLong(placeOrEnd));
            case "ACTIVE" -> QueueToken.active(token, user, Instant.ofEpochMilli(Long.parseLong(placeOrEnd)));
            default -> throw new IllegalStateException("unknown queue status " + status);
        };
    }

    private static OptionalDouble rate(Object reply) {
        return reply instanceof String text && !text.isEmpty()
                ? OptionalDouble.of(Double.parseDouble(text))
                : OptionalDouble.empty();
    }
}
