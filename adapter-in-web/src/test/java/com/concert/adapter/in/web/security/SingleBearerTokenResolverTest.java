package com.concert.adapter.in.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SingleBearerTokenResolverTest {

    private final SingleBearerTokenResolver resolver = new SingleBearerTokenResolver();

    private static MockHttpServletRequest with(String... authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/points");
        for (String value : authorization) {
            request.addHeader("Authorization", value);
        }
        return request;
    }

    @Test
    void theTokenOfOneBearerHeader_isRead_whateverTheCaseOfTheScheme() {
        assertThat(resolver.resolve(with("Bearer eyJ.abc-_~+/9.sig=="))).isEqualTo("eyJ.abc-_~+/9.sig==");
        assertThat(resolver.resolve(with("bearer abc"))).isEqualTo("abc");
    }

    @Test
    void noHeaderOrAnotherScheme_isNoToken() {
        assertThat(resolver.resolve(with())).isNull();
        assertThat(resolver.resolve(with("Basic YWxpY2U6YWxpY2U="))).isNull();
        assertThat(resolver.resolve(with("DPoP abc"))).isNull();
        assertThat(new MockHttpServletRequest().getParameter("access_token")).isNull();
        MockHttpServletRequest query = with();
        query.setParameter("access_token", "abc");
        assertThat(resolver.resolve(query)).as("never from a query parameter").isNull();
    }

    @Test
    void aMalformedTokenOrTwoHeaders_isRefused() {
        for (String bad : new String[]{"Bearer", "Bearer ", "Bearer  abc", "Bearer a b", "Bearer ab!c", "Bearer ===",
                "Bearer abc\t", "Bearerabc"}) {
            assertThatThrownBy(() -> resolver.resolve(with(bad))).as(bad).isInstanceOf(OAuth2AuthenticationException.class);
        }
        assertThatThrownBy(() -> resolver.resolve(with("Bearer abc", "Bearer abc")))
                .isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("More than one");
    }
}
