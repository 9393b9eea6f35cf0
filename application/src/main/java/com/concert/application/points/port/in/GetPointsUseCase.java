package com.concert.application.points.port.in;

import com.concert.application.shared.Page;
import com.concert.application.shared.PageRequest;
import com.concert.domain.point.PointEntry;
import com.concert.domain.point.Wallet;
import com.concert.domain.shared.UserId;

/** A fan looks at their points. */
public interface GetPointsUseCase {

    /** The balance; 0 for a user who never charged. */
    Wallet balance(UserId user);

    /** Charges, uses and refunds, newest first. */
    Page<PointEntry> history(UserId user, PageRequest page);
}
