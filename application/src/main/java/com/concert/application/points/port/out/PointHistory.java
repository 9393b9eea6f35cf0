package com.concert.application.points.port.out;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.PointEntry;
import com.concert.domain.shared.UserId;

/** The history {@link com.concert.domain.point.WalletRepository} writes, as the points page reads it. */
public interface PointHistory {

    /** The user's history, newest first; ties (one instant) newest id first. */
    Page<PointEntry> history(UserId user, PageRequest page);
}
