package com.concert.adapter.in.web;

import com.concert.adapter.in.web.error.ProblemErrorReportValve;
import com.concert.adapter.in.web.security.Callers;
import com.concert.adapter.in.web.security.SecurityConfiguration;
import com.concert.adapter.in.web.support.AccessLogFilter;
import com.concert.adapter.in.web.support.CurrentUserResolver;
import com.concert.adapter.in.web.support.RateLimitInterceptor;
import com.concert.adapter.in.web.support.RequestBodyLimitFilter;
import com.concert.application.identity.port.in.IdentifyCallerUseCase;
import com.concert.application.ratelimit.port.in.LimitRequestRateUseCase;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The HTTP adapter: its controllers and error mapping (found by scanning this package), who the caller is
 * ({@link SecurityConfiguration}), rate limits, and the request body limit. Needs
 * {@link com.concert.adapter.in.web.security.SecuritySettings}, the {@link IdentifyCallerUseCase} and the
 * {@link LimitRequestRateUseCase} from the application.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
// the exclude filter lets @WebMvcTest slices pick only the controllers they test
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebConfiguration implements WebMvcConfigurer {

    public static final String ADMIN_PATH_PREFIX = "/api/v1/admin/";
    public static final String ADMIN_PATHS = ADMIN_PATH_PREFIX + "**";

    /** The two requests a bot would flood: entering a queue and holding seats. */
    public static final String[] RATE_LIMITED_PATHS = {"/api/v1/concerts/*/queue", "/api/v1/reservations"};

    private final Callers callers;
    private final LimitRequestRateUseCase rateLimits;

    public WebConfiguration(IdentifyCallerUseCase identifyCaller, LimitRequestRateUseCase rateLimits) {
        this.callers = new Callers(identifyCaller);
        this.rateLimits = rateLimits;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver(callers));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RateLimitInterceptor(rateLimits, callers))
                .addPathPatterns(RATE_LIMITED_PATHS);
    }

    /** What Tomcat refuses before the application sees it is answered as problem+json too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter() {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(RequestBodyLimitFilter.DEFAULT_LIMIT_BYTES));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
