# syntax=docker/dockerfile:1
# Build: a JDK and the Maven Wrapper; dependencies are cached in a layer of their own.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapter-in-web/pom.xml adapter-in-web/
COPY adapter-out-persistence/pom.xml adapter-out-persistence/
COPY adapter-out-redis/pom.xml adapter-out-redis/
COPY bootstrap/pom.xml bootstrap/
COPY load-test/pom.xml load-test/
RUN ./mvnw -B -q -pl bootstrap -am dependency:go-offline || true
COPY domain domain
COPY application application
COPY adapter-in-web adapter-in-web
COPY adapter-out-persistence adapter-out-persistence
COPY adapter-out-redis adapter-out-redis
COPY bootstrap bootstrap
RUN ./mvnw -B -q -pl bootstrap -am -DskipTests package \
 && java -Djarmode=tools -jar bootstrap/target/concert-service.jar extract --layers --launcher --destination /extracted

# Run: a JRE, an unprivileged user, the jar's layers (dependencies change less often than the code).
FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app concert
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER concert
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fs http://localhost:8080/readyz || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
