package com.concert.bootstrap.jobs;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every {@link ScheduledJob} registered with Spring's scheduler at a fixed rate (so they show in the actuator's
 * {@code scheduledtasks}), on a scheduler of their own: two platform threads named {@code job-*}, so that a slow
round of one job never delays the other. A job that runs
 * on one instance per period runs under a ShedLock lock named after it, held for 4/5 of its interval at least and
 * at most: the other instances' ticks in that period find it taken and do nothing, and a holder that dies frees
 * the next period. The intervals come from the typed settings, so there is no {@code @Scheduled} string to keep in
 * step with them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class JobScheduling implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    private final ObjectProvider<ScheduledJob> jobs;
    private final ObjectProvider<LockProvider> locks;
    // not a bean: a scheduler bean (an Executor) would make Spring Boot leave out its own task executor
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

    public JobScheduling(ObjectProvider<ScheduledJob> jobs, ObjectProvider<LockProvider> locks) {
        this.jobs = jobs;
        this.locks = locks;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("job-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(5);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        scheduler.initialize();
        registrar.setScheduler(scheduler);
        List<ScheduledJob> all = jobs.orderedStream().toList();
        LockingTaskExecutor locking = all.stream().anyMatch(ScheduledJob::oneInstancePerPeriod)
                ? new DefaultLockingTaskExecutor(locks.getObject()) : null;
        for (ScheduledJob job : all) {
            Runnable round = job.oneInstancePerPeriod() ? lockedRound(job, locking) : job.work();
            registrar.addFixedRateTask(() -> job.runOnce(round), job.interval());
            log.info("{} every {}{}", job.name(), job.interval(),
                    job.oneInstancePerPeriod() ? ", on one instance a period" : "");
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdown();
    }

    private static Runnable lockedRound(ScheduledJob job, LockingTaskExecutor locking) {
        Duration held = job.interval().multipliedBy(4).dividedBy(5);
        return () -> locking.executeWithLock(job.work(), new LockConfiguration(Instant.now(), job.name(), held, held));
    }
}
