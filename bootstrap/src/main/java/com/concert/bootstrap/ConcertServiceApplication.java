package com.concert.bootstrap;

import com.concert.adapter.in.web.WebConfiguration;
import com.concert.adapter.out.persistence.PersistenceConfiguration;
import com.concert.adapter.out.redis.RedisConfiguration;
import com.concert.bootstrap.config.ConcertProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The concert reservation service: the adapters around the use cases, wired in {@code wiring}. */
@SpringBootApplication
@EnableConfigurationProperties(ConcertProperties.class)
@Import({WebConfiguration.class, PersistenceConfiguration.class, RedisConfiguration.class})
public class ConcertServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConcertServiceApplication.class, args);
    }
}
