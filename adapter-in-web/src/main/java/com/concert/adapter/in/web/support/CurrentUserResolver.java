package com.concert.adapter.in.web.support;

import com.concert.adapter.in.web.error.ProblemCode;
import com.concert.adapter.in.web.security.Callers;
import com.concert.domain.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives every handler parameter of type {@link UserId} the caller: the user behind the verified bearer token's
 * subject (see {@link Callers}). A request without one never gets this far on a user's path (the security chain
 * answers 401 first); should one, it is {@code 401 UNAUTHENTICATED} here too.
 */
public final class CurrentUserResolver implements HandlerMethodArgumentResolver {

    private final Callers callers;

    public CurrentUserResolver(Callers callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == UserId.class;
    }

    @Override
    public UserId resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return callers.current(request).orElseThrow(() ->
                new RequestRejectedException(ProblemCode.UNAUTHENTICATED, "A bearer token is required"));
    }
}
