package com.concert.adapter.out.redis.connection;

import com.concert.application.shared.DependencyUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;

import java.util.function.Supplier;

/**
 * Tells Redis being unreachable (no connection, a timeout, commands refused while reconnecting) from Redis
 * answering with an error (a bug in a script or a command): the first becomes
 * {@link DependencyUnavailableException}, the second stays a failure of its own.
 */
public final class RedisFailures {

    private RedisFailures() {
    }

    public static <T> T translate(Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisCommandExecutionException e) {
            if (isUnavailableReply(e.getMessage())) {
                throw new DependencyUnavailableException("Redis", e);
            }
            throw e;
        } catch (RedisException e) {
            throw new DependencyUnavailableException("Redis", e);
        }
    }

    /** Replies that mean "not now" rather than "wrong": loading, failing over, out of memory, read-only replica. */
    private static boolean isUnavailableReply(String message) {
        return message != null && (message.startsWith("LOADING") || message.startsWith("CLUSTERDOWN")
                || message.startsWith("TRYAGAIN") || message.startsWith("MASTERDOWN") || message.startsWith("OOM")
                || message.startsWith("READONLY") || message.startsWith("BUSY"));
    }
}
