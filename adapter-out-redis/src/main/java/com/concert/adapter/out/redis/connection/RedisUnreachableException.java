package com.concert.adapter.out.redis.connection;

/** Redis did not answer when the service started. */
public final class RedisUnreachableException extends RuntimeException {

    private final String target;

    public RedisUnreachableException(String target, Throwable cause) {
        super(target + " is not reachable: " + rootMessage(cause), cause);
        this.target = target;
    }

    public String target() {
        return target;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
