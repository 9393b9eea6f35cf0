package com.concert.adapter.in.web.storefront;

import com.concert.adapter.in.web.WebTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(StorefrontController.class)
class StorefrontControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void config_namesTheIssuerAndThePublicClient_withoutAToken() throws Exception {
        mvc.perform(get("/storefront/config"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(WebTestApplication.ISSUER))
                .andExpect(jsonPath("$.clientId").value("concert-web"))
                .andExpect(jsonPath("$.scope").value("openid profile"));
    }

    @Test
    void theRoot_isTheStorefrontPage_whoseScriptsComeFromHereAndWhoseCallsGoHereAndToTheIssuerOnly() throws Exception {
        for (String path : new String[]{"/", "/index.html"}) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andExpect(content().string(containsString("<script type=\"module\" src=\"app/main.js\"></script>")))
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                    .andExpect(header().string("Content-Security-Policy",
                            containsString("connect-src 'self' https://id.example;")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
        }
    }

    @Test
    void theStorefrontsModules_areServedWithoutAToken() throws Exception {
        for (String file : new String[]{"app/main.js", "app/api.js", "app/auth.js", "app/messages.js", "app/store.js",
                "app/views/seats.js", "app/styles.css"}) {
            mvc.perform(get("/" + file)).andExpect(status().isOk());
        }
    }

    @Test
    void anUnknownPage_isStillAProblem() throws Exception {
        mvc.perform(get("/no-such-page.html"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void settings_refuseAScopeWithoutOpenid() {
        assertThatThrownBy(() -> new StorefrontSettings(Optional.empty(), "concert-web", "profile"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openid");
    }
}
