package com.concert.adapter.in.web;

import com.concert.adapter.in.web.support.AdminKey;
import com.concert.adapter.in.web.support.AdminKeyInterceptor;
import com.concert.adapter.in.web.support.CurrentUserResolver;
import com.concert.adapter.in.web.support.RequestBodyLimitFilter;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The HTTP adapter: its controllers and error mapping (found by scanning this package), the caller and
 * admin-key checks, and the request body limit. Needs an {@link AdminKey} bean from the application.
 */
@Configuration(proxyBeanMethods = false)
// the exclude filter lets @WebMvcTest slices pick only the controllers they test
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class WebConfiguration implements WebMvcConfigurer {

    public static final String ADMIN_PATHS = "/api/v1/admin/**";

    private final AdminKey adminKey;

    public WebConfiguration(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentUserResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminKeyInterceptor(adminKey)).addPathPatterns(ADMIN_PATHS);
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
