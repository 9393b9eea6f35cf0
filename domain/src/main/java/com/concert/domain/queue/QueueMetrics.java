package com.concert.domain.queue;

/** Where admission reports what it did, for operators' dashboards. */
public interface QueueMetrics {

    void recorded(AdmissionResult result);
}
