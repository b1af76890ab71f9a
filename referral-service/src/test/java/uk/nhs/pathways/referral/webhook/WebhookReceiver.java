package uk.nhs.pathways.referral.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP receiver on 127.0.0.1 (the JDK's HttpServer), as an FCP clinical system would run one:
 * records every request it gets and answers each with the status the test chose for that call.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what the receiver answered. */
    public record Call(
            int number,
            String deliveryId,
            String timestamp,
            String eventType,
            String signature,
            String contentType,
            String host,
            String body,
            int answered) {

        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final IntUnaryOperator answer;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Call> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(IntUnaryOperator answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Answers 200 to everything. */
    public static WebhookReceiver healthy() throws IOException {
        return new WebhookReceiver(call -> 200);
    }

    /** Answers the n-th call (from 1) with the status the function gives. */
    public static WebhookReceiver answering(IntUnaryOperator statusOfCall) throws IOException {
        return new WebhookReceiver(statusOfCall);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The callback URL of this receiver. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/pathways/webhooks?practice=test";
    }

    public List<Call> calls() {
        return List.copyOf(received);
    }

    public List<Call> accepted() {
        return received.stream().filter(Call::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int number = calls.incrementAndGet();
            int status = answer.applyAsInt(number);
            var headers = exchange.getRequestHeaders();
            received.add(new Call(
                    number,
                    headers.getFirst("Pathways-Delivery-Id"),
                    headers.getFirst("Pathways-Timestamp"),
                    headers.getFirst("Pathways-Event-Type"),
                    headers.getFirst("Pathways-Signature"),
                    headers.getFirst("Content-Type"),
                    headers.getFirst("Host"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
