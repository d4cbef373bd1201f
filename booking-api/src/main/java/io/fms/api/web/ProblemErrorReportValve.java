package io.fms.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to requests it refuses before any servlet runs (a malformed request line, a header over the size
 * limit, a Content-Length that is not a number, a control character in a header), written as an RFC 9457 problem
 * like every other answer of the API instead of Tomcat's HTML page. The detail is the kind's title only: Tomcat's
 * own message may quote the request back.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        // Hand-written: the kinds' titles and type URIs hold no character that needs escaping in JSON.
        String body = "{\"type\":\"" + kind.type() + "\",\"title\":\"" + kind.title() + "\",\"status\":" + status
                + ",\"detail\":\"" + kind.title() + "\"}";
        try {
            response.setContentType(Problems.PROBLEM_JSON_UTF8);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is going away; there is no one left to tell.
        }
    }
}
