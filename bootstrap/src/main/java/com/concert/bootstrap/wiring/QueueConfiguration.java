package com.concert.bootstrap.wiring;

import com.concert.application.catalog.service.ConcertLookup;
import com.concert.application.queue.port.in.AdmitWaitingUsersUseCase;
import com.concert.application.queue.port.in.EnterQueueUseCase;
import com.concert.application.queue.port.in.GetQueueStatusUseCase;
import com.concert.application.queue.port.in.LeaveQueueUseCase;
import com.concert.application.queue.service.AdmitWaitingUsersService;
import com.concert.application.queue.service.EnterQueueService;
import com.concert.application.queue.service.GetQueueStatusService;
import com.concert.application.queue.service.LeaveQueueService;
import com.concert.application.queue.service.QueueGate;
import com.concert.bootstrap.config.ConcertProperties;
import com.concert.bootstrap.jobs.ScheduledJob;
import com.concert.bootstrap.metrics.MicrometerQueueMetrics;
import com.concert.bootstrap.random.StripedSecureRandom;
import com.concert.domain.queue.AdmissionPolicy;
import com.concert.domain.queue.QueueMetrics;
import com.concert.domain.queue.QueueStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The waiting queue: entering, status, leaving, and admission by capacity. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    @Bean
    AdmissionPolicy admissionPolicy(ConcertProperties properties) {
        ConcertProperties.Queue queue = properties.queue();
        return new AdmissionPolicy(queue.admitInterval(), queue.admitBatchSize(), queue.maxActive(), queue.activeTtl(),
                queue.admitOnEntry());
    }

    @Bean
    QueueGate queueGate(QueueStore queue, Clock clock) {
        return new QueueGate(queue, clock);
    }

    @Bean
    EnterQueueUseCase enterQueueUseCase(ConcertLookup concerts, QueueStore queue, AdmissionPolicy policy, Clock clock) {
        return new EnterQueueService(concerts, queue, policy, new StripedSecureRandom(16), clock);
    }

    @Bean
    GetQueueStatusUseCase getQueueStatusUseCase(QueueGate gate, AdmissionPolicy policy) {
        return new GetQueueStatusService(gate, policy);
    }

    @Bean
    LeaveQueueUseCase leaveQueueUseCase(QueueGate gate, QueueStore queue) {
        return new LeaveQueueService(gate, queue);
    }

    @Bean
    QueueMetrics queueMetrics(MeterRegistry registry) {
        return new MicrometerQueueMetrics(registry);
    }

    @Bean
    AdmitWaitingUsersUseCase admitWaitingUsersUseCase(QueueStore queue, QueueMetrics metrics,
                                                      AdmissionPolicy policy, Clock clock) {
        return new AdmitWaitingUsersService(queue, metrics, policy, clock);
    }

    @Bean
    ScheduledJob queueAdmission(AdmitWaitingUsersUseCase admission, AdmissionPolicy policy) {
        // one instance a period: every instance may admit safely, but only one batch a period keeps the pace
        return new ScheduledJob("queue-admission", policy.interval(), true, admission::admitWaitingUsers);
    }

}
