package com.concert.application.identity.port.in;

import com.concert.domain.shared.UserId;
import com.concert.domain.user.Subject;

/** Who is calling, in the service's own terms: the user behind a verified token's subject. */
public interface IdentifyCallerUseCase {

    /** The caller's user id, made on the subject's first request (see {@link com.concert.domain.user.UserRepository}). */
    UserId identify(Subject subject);
}
