package io.fms.api.seatmap;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One Server-Sent Event, its data already written as JSON once for every client that gets it.
 *
 * @param name {@code snapshot} or {@code seats}; null for a comment
 * @param version the event's {@code id}
 * @param json the data
 * @param retryMs the reconnect delay the client is told, 0 for none
 */
record Frame(String name, long version, String json, long retryMs) {

    static final String SNAPSHOT = "snapshot";
    static final String SEATS = "seats";

    private static final Frame HEARTBEAT = new Frame(null, 0, null, 0);

    /** A comment line: keeps an idle stream open through proxies. */
    static Frame heartbeat() {
        return HEARTBEAT;
    }

    /** The first frame of a stream: sends the headers at once and tells the client how soon to reconnect. */
    static Frame hello(long retryMs) {
        return new Frame(null, 0, null, retryMs);
    }

    SseEmitter.SseEventBuilder event() {
        SseEmitter.SseEventBuilder event = name == null
                ? SseEmitter.event().comment("")
                : SseEmitter.event().name(name).id(Long.toString(version)).data(json, MediaType.APPLICATION_JSON);
        return retryMs > 0 ? event.reconnectTime(retryMs) : event;
    }
}
