package com.concert.adapter.out.redis;

import com.concert.adapter.out.redis.catalog.RedisCatalogChanges;
import com.concert.adapter.out.redis.connection.LettuceRedis;
import com.concert.adapter.out.redis.connection.RedisConnectionProperties;
import com.concert.adapter.out.redis.connection.RedisHealthIndicator;
import com.concert.adapter.out.redis.lock.RedisLockProvider;
import com.concert.adapter.out.redis.queue.RedisQueueStore;
import com.concert.adapter.out.redis.ratelimit.RedisRateLimiter;
import com.concert.application.catalog.port.in.ApplyCatalogChangeUseCase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the Redis adapter contributes: one shared connection, its health, and the stores built on it.
 * Needs a {@link RedisNamespace} bean from the application, and an {@link ApplyCatalogChangeUseCase} to hand catalog
 * changes announced by any instance to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisConnectionProperties.class)
public class RedisConfiguration {

    @Bean(destroyMethod = "close")
    LettuceRedis lettuceRedis(RedisConnectionProperties properties) {
        return LettuceRedis.connect(properties);
    }

    @Bean
    RedisHealthIndicator redisHealthIndicator(LettuceRedis redis) {
        return new RedisHealthIndicator(redis);
    }

    /**
     * {@code concert.redis.connected}: 1 while the connection is up, 0 while Redis commands are refused (answered
     * {@code 503}); the dashboards show it beside the database breaker's state.
     */
    @Bean
    MeterBinder redisConnectionMetrics(LettuceRedis redis) {
        return registry -> Gauge.builder("concert.redis.connected", redis, r -> r.isConnected() ? 1 : 0)
                .description("1 while the Redis connection is up, 0 while commands are refused")
                .register(registry);
    }

    @Bean
    RedisQueueStore redisQueueStore(LettuceRedis redis, RedisNamespace namespace) {
        return new RedisQueueStore(redis, namespace);
    }

    @Bean
    RedisLockProvider redisLockProvider(LettuceRedis redis, RedisNamespace namespace) {
        return new RedisLockProvider(redis, namespace);
    }

    @Bean
    RedisRateLimiter redisRateLimiter(LettuceRedis redis, RedisNamespace namespace) {
        return new RedisRateLimiter(redis, namespace);
    }

    @Bean(destroyMethod = "close")
    RedisCatalogChanges redisCatalogChanges(LettuceRedis redis, RedisNamespace namespace,
                                            ApplyCatalogChangeUseCase listener) {
        return new RedisCatalogChanges(redis, namespace, listener);
    }
}
