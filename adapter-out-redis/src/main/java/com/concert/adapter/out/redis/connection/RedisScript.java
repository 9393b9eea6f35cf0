package com.concert.adapter.out.redis.connection;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;

/**
 * A Lua script from the classpath, run by its SHA1 ({@code EVALSHA}: the source crosses the wire once per
 * server), and loaded with {@code EVAL} on the server that does not know it yet (a restarted Redis, another
 * cluster node).
 */
public final class RedisScript {

    private final String name;
    private final String source;
    private final String sha;

    private RedisScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    /** Loads {@code redis/<name>.lua} from the classpath. */
    public static RedisScript load(String name) {
        String path = "redis/" + name + ".lua";
        try (InputStream in = RedisScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no script " + path + " on the classpath");
            }
            return new RedisScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script and waits for its answer; connection failures become {@code DependencyUnavailableException}. */
    public <T> T run(LettuceRedis redis, ScriptOutputType type, String[] keys, String... args) {
        return RedisFailures.translate(() -> {
            try {
                return redis.commands().evalsha(sha, type, keys, args);
            } catch (RedisNoScriptException e) {
                return redis.commands().eval(source, type, keys, args);
            }
        });
    }

    /** Sends the script without waiting, so that further commands pipeline behind it; see {@link #await}. */
    public <T> RedisFuture<T> send(LettuceRedis redis, ScriptOutputType type, String[] keys, String... args) {
        return redis.async().evalsha(sha, type, keys, args);
    }

    /** The answer of a script {@linkplain #send sent} earlier, loading the script if the server lacked it. */
    public <T> T await(RedisFuture<T> sent, LettuceRedis redis, ScriptOutputType type, String[] keys, String... args) {
        return RedisFailures.translate(() -> {
            try {
                return sent.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RedisNoScriptException) {
                    return redis.commands().eval(source, type, keys, args);
                }
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Redis", e);
            }
        });
    }

    public String name() {
        return name;
    }

    private static String sha1(String source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
