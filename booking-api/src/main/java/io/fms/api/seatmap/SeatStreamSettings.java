package io.fms.api.seatmap;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the live seat map streams, per API instance.
 *
 * @param streamsMax streams open at once; beyond it a new one is answered 503
 * @param coalesceMs the shortest gap between two change events of one trip: a hot trip's changes are merged into a
 *     few events per second instead of one per batch
 * @param heartbeatMs how often an idle stream gets a comment line, so proxies and browsers keep it open
 * @param resyncIntervalMs how often a followed trip's seats are compared with Postgres, to repair a change the
 *     stream missed (a delta the processor could not send)
 * @param streamDurationMaxMs how long one stream stays open; the browser then reconnects with Last-Event-ID and
 *     gets what it missed
 * @param historyEventsMax change events kept per followed trip for clients that reconnect; one that missed more
 *     gets a new snapshot
 * @param backlogEventsMax events waiting for one client that does not read; beyond it the stream is closed
 */
@Validated
@ConfigurationProperties("fms.seat-stream")
public record SeatStreamSettings(
        @DefaultValue("2000") @Min(1) @Max(100_000) int streamsMax,
        @DefaultValue("250") @Min(10) @Max(5_000) long coalesceMs,
        @DefaultValue("15000") @Min(100) @Max(15_000) long heartbeatMs,
        @DefaultValue("30000") @Min(1_000) @Max(600_000) long resyncIntervalMs,

        @DefaultValue("1800000") @Min(10_000) @Max(86_400_000)
        long streamDurationMaxMs,

        @DefaultValue("200") @Min(1) @Max(10_000) int historyEventsMax,
        @DefaultValue("100") @Min(2) @Max(10_000) int backlogEventsMax) {}
