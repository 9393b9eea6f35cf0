package com.concert.bootstrap;

import com.concert.adapter.in.web.WebConfiguration;
import com.concert.adapter.out.persistence.PersistenceConfiguration;
import com.concert.adapter.out.redis.RedisConfiguration;
import com.concert.bootstrap.config.ConcertProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The concert reservation service: the adapters around the use cases, wired in {@code wiring}. The service is a
 * resource server only: should Spring Authorization Server be on the classpath (the development run starts one
 * beside it, in its own context), its auto-configuration, which would make a signing key and a decoder trusting
 * it, stays out of this context.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"})
@EnableConfigurationProperties(ConcertProperties.class)
@Import({WebConfiguration.class, PersistenceConfiguration.class, RedisConfiguration.class})
public class ConcertServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConcertServiceApplication.class, args);
    }
}
