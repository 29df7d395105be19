package io.crosscheck.authoring.replay.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.replay.model.ReplayReport;
import io.crosscheck.authoring.sandbox.SandboxConfinement;
import io.crosscheck.common.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stands where {@link ReplayProcessMain} stands, confined the same way, to show what crosses the channel: it
 * answers that the candidate compiled, then, at the end of its input, a report whose expectation list holds
 * the filter it was sent and every stored screening's line. A candidate whose origin is {@code probe:stall} makes it stop answering after the
 * compile, as a replay that ties its process up would.
 */
public final class ReplayChannelProbeMain {

    public static void main(String[] args) throws IOException, InterruptedException {
        ObjectMapper json = Json.newMapper();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String first = in.readLine();
        ReplayChannel.Start start = json.readValue(first, ReplayChannel.Start.class);
        OutputStream out = SandboxConfinement.confine(args);
        send(out, json, ReplayChannel.Answer.compiled(start.candidate().source().contentHash(), List.of()));
        if ("probe:stall".equals(start.candidate().origin())) {
            while (true) {
                Thread.sleep(1_000);
            }
        }
        List<String> received = new ArrayList<>(List.of(json.writeValueAsString(start.filter())));
        for (String line; (line = in.readLine()) != null; ) {
            received.add(line);
        }
        ReplayReport.Section none = new ReplayReport.Section(received.size() - 1, 0, 0, 0, Map.of(), Map.of());
        send(
                out,
                json,
                ReplayChannel.Answer.done(
                        new ReplayReport(null, start.filter(), start.startedAt(), 0, none, none, received)));
        System.exit(0);
    }

    private static void send(OutputStream out, ObjectMapper json, ReplayChannel.Answer answer) throws IOException {
        out.write(json.writeValueAsBytes(answer));
        out.write('\n');
        out.flush();
    }

    private ReplayChannelProbeMain() {}
}
