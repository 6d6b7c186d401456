# syntax=docker/dockerfile:1

# ---- build: compile, test-free package into one fat jar ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
# Dependencies and plugins in their own layer, reused while only sources change. A download that
# fails stops the build here, with Maven's error, instead of surfacing later as a confusing one.
RUN mvn -B -q dependency:go-offline
COPY src ./src
# The jar carries the shipped knowledge and prompts as its fallback copy (see the README).
COPY knowledge ./knowledge
COPY prompts ./prompts
RUN mvn -B -q -DskipTests package

# ---- runtime: JRE only, non-root, state in /data ----
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 coach \
 && useradd --system --uid 10001 --gid coach --home-dir /app --shell /usr/sbin/nologin coach \
 && mkdir -p /app /data \
 && chown coach:coach /data
WORKDIR /app
COPY --from=build /src/target/scaling-coach.jar /app/scaling-coach.jar
# Editable copies, straight from the build context; mount your own folders over them.
COPY knowledge /app/knowledge
COPY prompts /app/prompts

# Start once at build time (serve --ready-check: the real server, the shipped knowledge, one
# answer) and record the classes it loaded as a class-data-sharing archive: every later start
# maps them instead of loading and verifying them again, about a third less start-up time. The
# archive belongs to this jar and this JRE; both are fixed in the image.
RUN COACH_DATA_DIR=/tmp/cds COACH_KNOWLEDGE_DIR=/app/knowledge COACH_PROMPTS_DIR=/app/prompts \
    DJL_CACHE_DIR=/tmp/cds/djl PORT=0 COACH_RELOAD_WATCH=false COACH_LOG_LEVEL=WARN \
    java -XX:ArchiveClassesAtExit=/app/scaling-coach.jsa -XX:+UseSerialGC -Xmx256m \
      -XX:TieredStopAtLevel=1 -jar /app/scaling-coach.jar serve --ready-check \
 && rm -rf /tmp/cds

# The live heap after heavy chat load is a few tens of MB; a G1 heap sized from the container's
# memory only turns into resident memory (see "Where the time goes" in the README).
ENV COACH_DATA_DIR=/data \
    COACH_KNOWLEDGE_DIR=/app/knowledge \
    COACH_PROMPTS_DIR=/app/prompts \
    DJL_CACHE_DIR=/data/djl \
    PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xmx256m -XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=/app/scaling-coach.jsa"
VOLUME ["/data"]
EXPOSE 8080
USER coach
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1
ENTRYPOINT ["java", "-jar", "/app/scaling-coach.jar"]
CMD ["serve"]
