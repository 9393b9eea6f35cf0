package com.concert.adapter.in.web.error;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request it refused before the application saw it (an encoded slash or a NUL in the
 * path, a malformed request line): the same problem+json as every other error, instead of Tomcat's HTML page.
 * Whatever reached the application has its body already and is left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known != null ? known.getReasonPhrase() : "Error";
        // every value is ours (a status, its reason phrase, a code name): nothing from the request is echoed
        String body = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" + status
                + ",\"detail\":\"" + reason + "\",\"code\":\"" + ErrorStatus.codeFor(status).name() + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone, or the response cannot take a body any more: nothing else to do
        }
    }
}
