package com.concert.domain.queue;

import java.util.List;

/** Where admission reports what it did, for operators' dashboards. */
public interface QueueMetrics {

    /**
     * What one admission tick did: one result for each concert that was in line when the tick began, none when
     * nobody was. A concert missing from a tick has left the line (nobody waiting or active), so whatever was
     * reported for it before may be forgotten.
     */
    void recorded(List<AdmissionResult> tick);
}
