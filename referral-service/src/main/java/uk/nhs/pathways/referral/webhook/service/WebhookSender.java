package uk.nhs.pathways.referral.webhook.service;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import uk.nhs.pathways.referral.webhook.WebhookConfig;

/**
 * Sends one webhook request with Quarkus' Vert.x HTTP client. It connects to the address that was
 * checked (never resolving the name again) while the callback's host name stays in the Host header,
 * the TLS server name (SNI) and the certificate check: Vert.x keeps the request's host as the TLS
 * peer, apart from the server address it connects to. No redirects are followed, the response body is
 * read and thrown away, and connect, idle and overall timeouts bound every attempt.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    Vertx vertx;

    @Inject
    WebhookConfig config;

    private HttpClient client;

    @PostConstruct
    void open() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setVerifyHost(true)
                .setMaxPoolSize(Math.max(1, config.maxInFlight())));
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** POSTs the body; returns the receiver's status code. */
    public int post(Receivers.Target target, Map<String, String> headers, String body)
            throws InterruptedException, ExecutionException, TimeoutException {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        target.url().port(), target.address().getHostAddress()))
                .setHost(target.url().host())
                .setPort(target.url().port())
                .setSsl(target.url().https())
                .setURI(target.url().requestTarget())
                .setFollowRedirects(false)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.responseTimeout().toMillis());
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        var status = client.request(options)
                .compose(request -> {
                    sent.set(request);
                    request.authority(HostAndPort.create(
                            authorityHost(target), target.url().explicitPort()));
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    response.handler(ignored -> {}); // the body is not needed
                    return response.end().map(done -> response.statusCode());
                })
                .toCompletionStage()
                .toCompletableFuture();
        try {
            return status.get(
                    config.connectTimeout().plus(config.responseTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            throw e;
        }
    }

    private static String authorityHost(Receivers.Target target) {
        String host = target.url().host();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
