package com.concert.adapter.in.web.support;

import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.UserId;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives every handler parameter of type {@link UserId} the caller named by {@code X-User-Id}, as the
 * gateway asserted it. Missing, blank, not a number, zero or negative: {@code 401 USER_ID_MISSING}.
 */
public final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    public static final String HEADER = "X-User-Id";
    private static final int MAX_DIGITS = 19;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == UserId.class;
    }

    @Override
    public UserId resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return parse(webRequest.getHeader(HEADER));
    }

    static UserId parse(String header) {
        if (header == null || header.isBlank()) {
            throw new RequestRejectedException(ErrorCode.USER_ID_MISSING, HEADER + " header is required");
        }
        String value = header.strip();
        if (value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new RequestRejectedException(ErrorCode.USER_ID_MISSING, HEADER + " must be a positive integer");
        }
        try {
            long id = Long.parseLong(value);
            if (id < 1) {
                throw new RequestRejectedException(ErrorCode.USER_ID_MISSING, HEADER + " must be a positive integer");
            }
            return new UserId(id);
        } catch (NumberFormatException e) {
            throw new RequestRejectedException(ErrorCode.USER_ID_MISSING, HEADER + " must be a positive integer");
        }
    }
}
