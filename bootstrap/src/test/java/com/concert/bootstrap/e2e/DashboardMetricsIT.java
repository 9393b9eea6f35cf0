package com.concert.bootstrap.e2e;

import com.concert.bootstrap.support.Api.Reply;
import com.concert.bootstrap.support.BookingIT;
import com.concert.bootstrap.support.Concerts;
import com.concert.bootstrap.support.Fan;
import com.concert.bootstrap.support.PromQl;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' dashboards of docker-compose (docker/) against the service they watch: every metric a panel of
 * the Grafana dashboard queries is exported by {@code /actuator/prometheus} of a running instance, once a fan has
 * entered a line, held, paid and been refused; and Prometheus scrapes the port and path the service serves them on.
 */
class DashboardMetricsIT extends BookingIT {

    private static final AtomicLong USERS = new AtomicLong(900_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path REPOSITORY = repository();

    @Test
    void everyMetricTheDashboardQueries_isExportedByTheService() {
        Map<String, Set<String>> queried = metricsByPanel(REPOSITORY.resolve("docker/grafana/dashboards/concert-service.json"));
        assertThat(queried).as("panels with queries").hasSizeGreaterThanOrEqualTo(12);
        double unauthenticatedBefore = refusals("UNAUTHENTICATED");
        double seatUnavailableBefore = refusals("SEAT_UNAVAILABLE");

        // what makes the lazily made meters appear: a line with somebody in it, a hold, a payment, refusals
        JsonNode concert = Concerts.bookable(api, Instant.now(), 3);
        long concertId = concert.path("id").asLong();
        long scheduleId = concert.path("schedules").get(0).path("id").asLong();
        Fan buyer = Fan.admitted(api, USERS.incrementAndGet(), concertId);
        // stays active after the buyer's payment ends its token, so that the concert keeps its line and its meters
        Fan browser = Fan.admitted(api, USERS.incrementAndGet(), concertId);
        long seat = buyer.seatMap(scheduleId).get(0).path("id").asLong();
        assertThat(buyer.charge(200_000, null).status()).isEqualTo(200);
        Reply held = buyer.hold(scheduleId, List.of(seat));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(buyer.pay(held.json().path("id").asLong(), "dash-" + concertId).status()).isEqualTo(201);
        assertThat(browser.hold(scheduleId, List.of(seat)).code()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(api.get("/api/v1/points").send().code()).isEqualTo("UNAUTHENTICATED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Set<String> exported = exportedNames(scrape());
            queried.forEach((panel, names) -> assertThat(exported)
                    .as("metrics of the panel \"%s\" on /actuator/prometheus", panel).containsAll(names));
        });
        String scrape = scrape();
        assertThat(scrape).contains("concert_queue_waiting{application=\"concert-service\",concert=\"" + concertId + "\"}");
        assertThat(refusals("UNAUTHENTICATED")).as("a refusal of the security filters").isEqualTo(unauthenticatedBefore + 1);
        assertThat(refusals("SEAT_UNAVAILABLE")).as("a refusal of a use case").isEqualTo(seatUnavailableBefore + 1);
        long series = scrape.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        System.out.printf("/actuator/prometheus: %d bytes, %d series, %d of them http_server_requests buckets%n",
                scrape.length(), series, scrape.lines().filter(l -> l.startsWith("http_server_requests_seconds_bucket")).count());
    }

    @Test
    void prometheusScrapesTheManagementPort_onThePathTheServiceServesMetricsOn() {
        Map<String, Object> scrapeJob = single(list(yaml(REPOSITORY.resolve("docker/prometheus/prometheus.yml")).get("scrape_configs")));
        String path = (String) scrapeJob.get("metrics_path");
        String target = (String) single(list(map(single(list(scrapeJob.get("static_configs")))).get("targets")));

        Map<String, Object> services = map(yaml(REPOSITORY.resolve("docker-compose.yml")).get("services"));
        Map<String, Object> service = map(services.get("concert-service"));
        String managementPort = String.valueOf(map(service.get("environment")).get("MANAGEMENT_SERVER_PORT"));
        Object packagedDefault = map(map(yaml(REPOSITORY.resolve("bootstrap/src/main/resources/application.yml")).get("management")).get("server")).get("port");

        assertThat(target).as("the compose service, on its management port").isEqualTo("concert-service:" + managementPort);
        assertThat(managementPort).as("the port application.yml gives the actuator").isEqualTo(String.valueOf(packagedDefault));
        assertThat(list(service.get("ports"))).as("the port the container publishes for the actuator")
                .anySatisfy(port -> assertThat(String.valueOf(port)).endsWith(":" + managementPort));
        Reply metrics = management.get(path).send();
        assertThat(metrics.status()).as("the path, on the running instance's management port").isEqualTo(200);
        assertThat(metrics.text()).contains("# HELP ").contains("concert_refusals_total");
        assertThat(api.get(path).send().status()).as("never on the public port").isEqualTo(404);

        // Grafana reads this Prometheus, and the dashboards from where the provisioning says they are mounted
        Map<String, Object> datasource = single(list(yaml(REPOSITORY.resolve(
                "docker/grafana/provisioning/datasources/prometheus.yml")).get("datasources")));
        assertThat(datasource.get("url")).isEqualTo("http://prometheus:9090");
        assertThat(services).containsKey("prometheus");
        Map<String, Object> provider = single(list(yaml(REPOSITORY.resolve(
                "docker/grafana/provisioning/dashboards/concert.yml")).get("providers")));
        assertThat(list(map(services.get("grafana")).get("volumes")))
                .contains("./docker/grafana/dashboards:" + map(provider.get("options")).get("path") + ":ro");
    }

    /** Panel title to the metric names its queries read; a query that names none fails here. */
    private static Map<String, Set<String>> metricsByPanel(Path dashboard) {
        JsonNode root = JSON.readTree(read(dashboard));
        Map<String, Set<String>> byPanel = new LinkedHashMap<>();
        List<JsonNode> panels = new ArrayList<>();
        root.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString();
            for (JsonNode target : panel.path("targets")) {
                String expression = target.path("expr").asString();
                Set<String> names = PromQl.metricNames(expression);
                assertThat(names).as("metrics read by \"%s\" of \"%s\"", expression, title).isNotEmpty();
                byPanel.computeIfAbsent(title, t -> new LinkedHashSet<>()).addAll(names);
            }
        }
        return byPanel;
    }

    private String scrape() {
        Reply reply = management.get("/actuator/prometheus").send();
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    /** Names of the exported samples: each line that is not a comment, up to its labels or its value. */
    private static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        });
        return names;
    }

    private double refusals(String code) {
        String prefix = "concert_refusals_total{application=\"concert-service\",code=\"" + code + "\"} ";
        return scrape().lines().filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length()).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "on /actuator/prometheus"));
    }

    private static Path repository() {
        // failsafe runs in the module's folder; the compose files are the repository's
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml in " + here + " or above");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> yaml(Path file) {
        return new Yaml().load(read(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> T single(List<Object> values) {
        assertThat(values).hasSize(1);
        return (T) values.getFirst();
    }
}
