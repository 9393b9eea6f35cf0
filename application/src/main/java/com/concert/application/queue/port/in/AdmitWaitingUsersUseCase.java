package com.concert.application.queue.port.in;

import com.concert.domain.queue.AdmissionResult;

import java.util.List;

/** The periodic admission of waiting users, run by the scheduler of every service instance. */
public interface AdmitWaitingUsersUseCase {

    /**
     * One admission tick over every concert with a line. Safe to run in several instances at once (each admission
     * is one atomic script); the scheduler's lock keeps all but one of them idle in each period, which saves work
     * and keeps the pace at one batch per period, not one per instance.
     *
     * @return what each concert's tick did
     */
    List<AdmissionResult> admitWaitingUsers();
}
