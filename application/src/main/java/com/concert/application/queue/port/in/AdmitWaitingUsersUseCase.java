package com.concert.application.queue.port.in;

import com.concert.domain.queue.AdmissionResult;

import java.util.List;

/** The periodic admission of waiting users, run by a scheduler in every service instance. */
public interface AdmitWaitingUsersUseCase {

    /**
     * One admission tick over every concert with a line. Safe to run in several instances at once; a shared
     * lease keeps all but one of them idle in each period.
     *
     * @return what each concert's tick did; empty when another instance holds this period's lease
     */
    List<AdmissionResult> admitWaitingUsers();
}
