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
# The jar extracted as plain jars (concert-service.jar and lib/), in layers: a class path the JVM's ahead-of-time
# cache can record, which the launcher's nested jars are not. The training workload compiled for the JRE below.
COPY docker/aot docker/aot
RUN ./mvnw -B -q -pl bootstrap -am -DskipTests package \
 && java -Djarmode=tools -jar bootstrap/target/concert-service.jar extract --layers --destination /extracted \
 && javac --release 25 -d /training docker/aot/Training.java && cp docker/aot/train.sh /training/

# The service's files on a JRE, an unprivileged user, the jar's layers (dependencies change less often than the code).
FROM eclipse-temurin:25-jre AS service
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app concert
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./

# Training: the same JRE and the same /app, a PostgreSQL and a Redis of this stage's own, and a sale of
# docker/aot/Training.java against the service, which writes its ahead-of-time cache as it exits (JDK 25: classes
# loaded and linked, and method profiles; docs/adr/0019-ahead-of-time-cache.md). -Xmx2g: a JVM takes the cache only
# with the compressed pointers it was trained with, which a heap from this build machine's memory could change.
FROM service AS training
ARG TRAINING_FANS=2000
RUN apt-get update && apt-get install -y --no-install-recommends postgresql redis-server openssl
COPY --from=build /training /training
RUN pg_ctlcluster "$(ls /etc/postgresql)" main start \
 && su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'training'\"" \
 && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
 && PGPASSWORD=training TRAINING=/training FANS="$TRAINING_FANS" \
    JAVA_OPTS="-Xmx2g -XX:+ExitOnOutOfMemoryError" /training/train.sh /app /app/concert-service.aot

# Run: the service with its cache. Without a usable cache (another JVM, other jars) it starts as before, slower.
FROM service
COPY --from=training /app/concert-service.aot ./
USER concert
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fs http://localhost:8080/readyz || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/concert-service.aot", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/concert-service.jar"]
