package io.fms.bench.baseline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of a baseline server, each with a limit. Pool sizes are Spring's own ({@code spring.datasource.hikari.*},
 * set from {@code FMS_BASELINE_DB_POOL_SIZE} in application.yml).
 *
 * @param design which design this process plays; required, so that a benchmark never measures the wrong one
 * @param lockTtlMs how long a redislock seat lock lives if its holder never releases it (a crashed or stalled
 *     request); the Postgres write is conditional, so a lock that expires early can cost a retry, never a double sale
 * @param candidateWindow free seats read from Postgres at a time when redislock auto-assigns a party
 * @param attemptsMax times redislock tries to auto-assign a party whose candidate seats were all locked by requests
 *     in flight, before it answers SOLD_OUT
 * @param retryBackoffMs pause before such a retry, multiplied by the attempt number
 * @param holdSweepMs how often lapsed holds are expired (their seats freed) when nobody pays them
 */
@Validated
@ConfigurationProperties("fms.baseline")
public record BaselineProperties(
        @NotNull Design design,
        @DefaultValue("5000") @Min(1) @Max(600_000) long lockTtlMs,
        @DefaultValue("64") @Min(9) @Max(1_000) int candidateWindow,
        @DefaultValue("8") @Min(1) @Max(100) int attemptsMax,
        @DefaultValue("1") @Min(0) @Max(1_000) long retryBackoffMs,
        @DefaultValue("1000") @Min(10) @Max(60_000) long holdSweepMs) {}
