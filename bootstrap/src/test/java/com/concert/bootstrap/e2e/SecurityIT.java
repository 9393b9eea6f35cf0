package com.concert.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.concert.bootstrap.support.Api;
import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.BookingIT;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import com.concert.bootstrap.support.Parallel;
import com.concert.bootstrap.support.TestIssuer;
import com.concert.domain.shared.UserId;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call: every way a bearer token can be wrong is 401, one user's token never reaches another user's
 * reservations, history or queue token, and new subjects become exactly one user each however they race.
 */
class SecurityIT extends BookingIT {

    private static final AtomicLong USERS = new AtomicLong(8_800_000);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    private final TestIssuer issuer = TestIssuer.shared();

    private Reply points(String token) {
        return api.get("/api/v1/points").bearer(token).send();
    }

    private static void assertUnauthenticated(Reply reply, String why) {
        assertThat(reply.status()).as(why + ": " + reply).isEqualTo(401);
        assertThat(reply.code()).as(why).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.contentType()).as(why).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).as(why).startsWith("Bearer realm=\"concert\"");
    }

    @Test
    void aValidToken_RS256_or_ES256_isLetIn() {
        assertThat(points(issuer.token().subject("rsa-" + UUID.randomUUID()).sign()).status()).isEqualTo(200);
        assertThat(points(issuer.token().subject("ec-" + UUID.randomUUID()).ec().sign()).status()).isEqualTo(200);
    }

    @Test
    void everyWayATokenCanBeWrong_isUnauthenticated_namingInvalidToken() throws Exception {
        String subject = "victim-" + UUID.randomUUID();
        String valid = issuer.token().subject(subject).sign();
        String[] parts = valid.split("\\.");
        RSAKey forger = TestIssuer.foreignKey();
        SignedJWT realKidForged = new SignedJWT(SignedJWT.parse(valid).getHeader(), SignedJWT.parse(valid).getJWTClaimsSet());
        realKidForged.sign(new com.nimbusds.jose.crypto.RSASSASigner(forger));
        String unsigned = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), issuer.token().subject(subject).claims());
        hmac.sign(new MACSigner(issuer.publicRsaKeyBytes()));

        Map<String, String> wrong = Map.of(
                "a forged signature under an unknown key", issuer.token().subject(subject).signedWith(forger).sign(),
                "a forged signature under the issuer's key id", realKidForged.serialize(),
                "a payload changed after signing", parts[0] + "." + Base64URL.encode(
                        ("{\"sub\":\"someone-else\",\"iss\":\"" + issuer.issuer() + "\",\"aud\":\"concert-api\",\"exp\":"
                                + Instant.now().plusSeconds(600).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
                        + "." + parts[2],
                "an expired token", issuer.token().subject(subject)
                        .issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30)).sign(),
                "a token not valid yet", issuer.token().subject(subject).notBefore(Instant.now().plus(Duration.ofHours(1))).sign(),
                "another issuer", issuer.token().subject(subject).issuer("https://evil.example/realms/concert").sign(),
                "another audience", issuer.token().subject(subject).audience("some-other-api").sign(),
                "no subject", issuer.token().sign(),
                "alg=none", unsigned,
                "HS256 signed with the public key", hmac.serialize());
        wrong.forEach((why, token) -> {
            Reply reply = points(token);
            assertUnauthenticated(reply, why);
            assertThat(reply.header("WWW-Authenticate")).as(why).contains("error=\"invalid_token\"");
        });
        assertThat(points(issuer.token().subject(subject)
                .issuedAt(Instant.now().minus(Duration.ofHours(2)), Duration.ofMinutes(30)).sign()).header("WWW-Authenticate"))
                .contains("expired");
        assertThat(points(valid).status()).as("the genuine token still works").isEqualTo(200);
    }

    @Test
    void answersCarryTheSecurityHeadersOfAJsonApi() {
        for (Reply reply : List.of(points(issuer.tokenFor("headers-" + UUID.randomUUID())), api.get("/api/v1/points").send(),
                api.get("/api/v1/concerts").send())) {
            assertThat(reply.header("X-Content-Type-Options")).as(reply.toString()).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void noTokenOrANonBearerScheme_isUnauthenticated_withoutAnErrorCode() {
        for (Reply reply : List.of(api.get("/api/v1/points").send(),
                api.get("/api/v1/points").header("Authorization", "Basic YWxpY2U6YWxpY2U=").send(),
                api.get("/api/v1/points").header("X-User-Id", "1").send())) {
            assertUnauthenticated(reply, reply.toString());
            assertThat(reply.header("WWW-Authenticate")).doesNotContain("error=");
        }
    }

    @Test
    void aSubjectIsAnyStringOfOneTo255Characters() {
        assertThat(points(issuer.token().subject("x".repeat(254) + "!").sign()).status()).isEqualTo(200);
        assertThat(points(issuer.token().subject("auth0|" + UUID.randomUUID()).sign()).status()).isEqualTo(200);
        assertThat(points(issuer.token().subject("사용자 " + UUID.randomUUID()).sign()).status()).isEqualTo(200);
        assertUnauthenticated(points(issuer.token().subject("x".repeat(256)).sign()), "a 256-character subject");
        assertUnauthenticated(points(issuer.token().subject("").sign()), "an empty subject");
    }

    @Test
    void theIdentityProviderRotatingItsKeys_isFollowedThroughItsJwks() {
        RSAKey next = issuer.rotate();

        Reply reply = points(issuer.token().subject("rotated-" + UUID.randomUUID()).signedWith(next).sign());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void oddAuthorizationHeaders_areRefusedWithA4xx_neverA5xx() {
        String token = issuer.tokenFor("odd-" + UUID.randomUUID());
        List<Reply> replies = new ArrayList<>();
        replies.add(api.get("/api/v1/points").bearer(token).addHeader("Authorization", "Bearer " + token).send());
        replies.add(api.get("/api/v1/points").header("Authorization", "Bearer").send());
        replies.add(api.get("/api/v1/points").header("Authorization", "Bearer " + token + " extra").send());
        replies.add(api.get("/api/v1/points").header("Authorization", "Bearer " + "a".repeat(12_000)).send());
        replies.add(api.get("/api/v1/points?access_token=" + token).send());
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isBetween(400, 499));
    }

    @Test
    void theHeaderTrustedBeforeAuthentication_namesNobody() {
        long tokenOwner = points(issuer.tokenFor("owner-" + UUID.randomUUID())).json().path("userId").asLong();
        Reply reply = api.get("/api/v1/points").bearer(issuer.tokenFor("owner-" + UUID.randomUUID()))
                .header("X-User-Id", tokenOwner).send();

        assertThat(reply.json().path("userId").asLong()).isNotEqualTo(tokenOwner);
    }

    @Test
    void oneUsersTokenNeverReachesAnotherUsersReservationHistoryOrQueueToken() {
        JsonNode concert = Concerts.bookable(api, Instant.now(), 4);
        long concertId = concert.path("id").asLong();
        long scheduleId = concert.path("schedules").get(0).path("id").asLong();
        Fan alice = Fan.admitted(api, USERS.incrementAndGet(), concertId);
        Fan bob = Fan.admitted(api, USERS.incrementAndGet(), concertId);
        alice.charge(500_000, null);
        bob.charge(500_000, null);
        long seat = alice.seatMap(scheduleId).get(0).path("id").asLong();
        long held = alice.hold(scheduleId, List.of(seat)).json().path("id").asLong();
        String reservation = "/api/v1/reservations/" + held;

        assertThat(api.get(reservation).user(bob.userId()).send().code()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(api.delete(reservation).user(bob.userId()).send().code()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(bob.pay(held, null).code()).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(new Fan(api, bob.userId(), concertId, alice.token()).pay(held, null).code())
                .as("Bob with Alice's queue token").isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(api.get("/api/v1/concerts/" + concertId + "/schedules").user(bob.userId())
                .header("X-Queue-Token", alice.token()).send().code()).isEqualTo("TOKEN_INVALID");
        assertThat(api.get("/api/v1/reservations").user(bob.userId()).send().json().path("totalItems").asLong()).isZero();
        assertThat(api.get("/api/v1/points/history").user(bob.userId()).send().json().path("items"))
                .allSatisfy(entry -> assertThat(entry.path("reservationId").isNull()).isTrue());
        assertThat(new Fan(api, bob.userId(), concertId, alice.token()).queueStatus().code()).isEqualTo("TOKEN_INVALID");
        assertThat(api.delete("/api/v1/queue").user(bob.userId()).header("X-Queue-Token", alice.token()).send().code())
                .isEqualTo("TOKEN_INVALID");
        Reply enteredAgain = api.post("/api/v1/concerts/" + concertId + "/queue", null).user(bob.userId()).send();
        assertThat(enteredAgain.json().path("token").asString()).as("Bob's own place, never Alice's").isEqualTo(bob.token());

        assertThat(alice.queueStatus().json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get(reservation).user(alice.userId()).send().json().path("status").asString()).isEqualTo("HELD");
        assertThat(alice.pay(held, null).status()).isEqualTo(201);
        assertThat(bob.balance()).isEqualTo(500_000);
    }

    @Test
    void aThousandConcurrentFirstRequestsOfAHundredNewSubjects_createExactlyAHundredUsers() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subjects.add("racer-" + run + "-" + i);
        }
        List<String> tokens = subjects.stream().map(s -> issuer.token().subject(s).sign()).toList();

        // a thousand at once on two cores overload a pool of 20: the refused are told to retry, and do
        List<Reply> replies = Parallel.atOnce(1_000, i -> {
            Reply reply = points(tokens.get(i % 100));
            for (int retry = 0; retry < 20 && reply.status() == 503; retry++) {
                assertThat(reply.header("Retry-After")).isNotNull();
                reply = points(tokens.get(i % 100));
            }
            return reply;
        });

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        Map<String, Set<Long>> idsBySubject = new java.util.HashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            idsBySubject.computeIfAbsent(subjects.get(i % 100), s -> new java.util.HashSet<>())
                    .add(replies.get(i).json().path("userId").asLong());
        }
        assertThat(idsBySubject.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(idsBySubject.values().stream().flatMap(Set::stream).collect(Collectors.toSet())).hasSize(100);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM app_user WHERE subject LIKE ?", Integer.class,
                "racer-" + run + "-%")).isEqualTo(100);
    }

    @Test
    void everyHandlerThatActsForAUser_refusesACallWithoutAToken() {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : handlers.getHandlerMethods().entrySet()) {
            boolean actsForAUser = Arrays.stream(handler.getValue().getMethodParameters())
                    .anyMatch(p -> p.getParameterType() == UserId.class);
            if (!actsForAUser) {
                continue;
            }
            for (String pattern : handler.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{[^}]+}", "1");
                for (var method : handler.getKey().getMethodsCondition().getMethods()) {
                    Reply reply = api.method(method.name(), path, method.name().equals("POST") ? Map.of() : null).send();
                    assertUnauthenticated(reply, method + " " + path);
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).as("the user's endpoints of the contract").hasSizeGreaterThanOrEqualTo(13);
    }

    @Test
    void theOperatorApi_needsTheAdminScope_inScopeOrScp_andEveryCallIsAudited() {
        Logger audit = (Logger) LoggerFactory.getLogger("com.concert.audit");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        audit.addAppender(lines);
        try {
            String body = "{\"title\":\"Scoped\",\"venue\":\"Hall\",\"schedules\":[{\"performanceAt\":\""
                    + Instant.now().plus(Duration.ofDays(30)) + "\",\"sections\":[{\"grade\":\"R\",\"price\":1000,\"seats\":2}]}]}";
            String subject = "operator-" + UUID.randomUUID();
            Reply bySpace = api.post("/api/v1/admin/concerts", body)
                    .bearer(issuer.token().subject(subject).scope("openid concert:admin").sign()).send();
            Reply byScp = api.post("/api/v1/admin/concerts", body)
                    .bearer(issuer.token().subject(subject).claim("scp", List.of("concert:admin")).sign()).send();
            Reply lookalike = api.post("/api/v1/admin/concerts", body)
                    .bearer(issuer.token().subject(subject).scope("concert:admin2 concert").sign()).send();
            Reply anonymous = api.post("/api/v1/admin/concerts", body).send();

            assertThat(bySpace.status()).as(bySpace.toString()).isEqualTo(201);
            assertThat(byScp.status()).as(byScp.toString()).isEqualTo(201);
            assertThat(lookalike.status()).isEqualTo(403);
            assertThat(lookalike.code()).isEqualTo("FORBIDDEN");
            assertThat(anonymous.status()).isEqualTo(401);
            List<String> logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).containsSubsequence(
                    "admin subject=" + subject + " method=POST path=/api/v1/admin/concerts status=201 outcome=done",
                    "admin subject=" + subject + " method=POST path=/api/v1/admin/concerts status=201 outcome=done",
                    "admin subject=" + subject + " method=POST path=/api/v1/admin/concerts status=403 outcome=refused",
                    "admin subject=- method=POST path=/api/v1/admin/concerts status=401 outcome=refused");
        } finally {
            audit.detachAppender(lines);
        }
    }

    @Test
    void aCrossOriginPreflight_isAnsweredByThePolicy_andDirectCallsOfTheErrorPageAreNotFound() {
        Reply preflight = api.method("OPTIONS", "/api/v1/admin/concerts", null).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").send();
        assertThat(preflight.status()).as(preflight.toString()).isEqualTo(403);
        assertThat(preflight.code()).isEqualTo("FORBIDDEN");
        assertThat(api.method("OPTIONS", "/api/v1/points", null).send().status()).isBetween(200, 299);
        for (String method : List.of("GET", "POST", "DELETE")) {
            Reply error = api.method(method, "/error", null).send();
            assertThat(error.status()).as(method + " /error: " + error).isEqualTo(404);
            assertThat(error.code()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void whileTheIdentityProviderIsDown_aTokenNotSeenBefore_isServiceUnavailable_andTheCatalogStillAnswers() {
        RSAKey next = issuer.rotate();
        String token = issuer.token().subject("during-outage-" + UUID.randomUUID()).signedWith(next).sign();
        String known = issuer.tokenFor("known-" + UUID.randomUUID());
        assertThat(points(known).status()).isEqualTo(200);
        issuer.setDown(true);
        try {
            Reply refused = points(token);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(points(known).status()).as("a token verified before").isEqualTo(200);
            assertThat(api.get("/api/v1/concerts").send().status()).isEqualTo(200);
        } finally {
            issuer.setDown(false);
        }
        assertThat(points(token).status()).isEqualTo(200);
    }
}
