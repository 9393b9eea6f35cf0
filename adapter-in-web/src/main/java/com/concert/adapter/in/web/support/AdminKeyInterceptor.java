package com.concert.adapter.in.web.support;

import com.concert.domain.shared.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Guards the admin API: {@code 404} when no key is configured (the API is off), {@code 401 ADMIN_KEY_INVALID}
 * when {@code X-Admin-Key} is missing or wrong.
 */
public final class AdminKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Admin-Key";

    private final AdminKey adminKey;

    public AdminKeyInterceptor(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws NoResourceFoundException {
        if (!adminKey.isConfigured()) {
            throw new NoResourceFoundException(org.springframework.http.HttpMethod.valueOf(request.getMethod()),
                    request.getRequestURI(), "the admin API is off");
        }
        if (!adminKey.matches(request.getHeader(HEADER))) {
            throw new RequestRejectedException(ErrorCode.ADMIN_KEY_INVALID, HEADER + " is missing or wrong");
        }
        return true;
    }
}
