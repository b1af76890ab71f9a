package uk.nhs.pathways.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * POST /referrals at a constant arrival rate (an open model): request i is due at start + i/R whatever
 * happened to the ones before it, and its latency runs from that intended start, so a slow server's
 * queue shows in the figures instead of silently lowering the rate (no coordinated omission). At most
 * {@code connections} requests are in flight; the rest wait their turn in a client-side queue, still
 * on the clock.
 */
final class ReferralLoad {

    /** Where a referral comes from: an FCP's practice and a postcode its patients live at. */
    record Origin(String practice, String postcode, String token) {}

    /** One POST: when it was due (nanoTime and wall clock) and what the server said. */
    record Sent(int index, long intendedNanos, Instant intendedAt, int status, String referralId, long doneNanos) {}

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> REASONS = List.of("239873007", "239872002"); // knee, hip osteoarthritis

    private final HttpClient http;
    private final URI referrals;
    private final List<Origin> origins;
    private final TestNhsNumbers nhsNumbers;
    private final Semaphore inFlight;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    final Histogram postLatencyMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(30), 3);
    /** From the request leaving the client's queue to its answer: the server's part of the latency. */
    final Histogram serviceMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(30), 3);

    final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    final AtomicInteger completed = new AtomicInteger();

    ReferralLoad(String referralServiceUrl, List<Origin> origins, TestNhsNumbers nhsNumbers, int connections) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        this.referrals = URI.create(referralServiceUrl + "/referrals");
        this.origins = origins;
        this.nhsNumbers = nhsNumbers;
        this.inFlight = new Semaphore(connections);
    }

    /**
     * Schedules {@code count} referrals at {@code ratePerSecond} from {@code startNanos} and returns once the
     * last one is due (not answered); {@link #awaitAnswers} waits for the answers.
     */
    void run(long startNanos, Instant startAt, double ratePerSecond, int count) {
        double periodNanos = 1e9 / ratePerSecond;
        for (int i = 0; i < count; i++) {
            long due = startNanos + (long) (i * periodNanos);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            Instant dueAt = startAt.plusNanos(due - startNanos);
            waiting.add(() -> post(index, due, dueAt));
            dispatch();
        }
    }

    /** One referral now (the one-at-a-time mode): due at once. */
    void postNow(int index) {
        long now = System.nanoTime();
        waiting.add(() -> post(index, now, Instant.now()));
        dispatch();
    }

    /** Waits (bounded) until every scheduled POST has its answer; true if all did. */
    boolean awaitAnswers(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (completed.get() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return completed.get() >= count;
    }

    private void dispatch() {
        while (!waiting.isEmpty() && inFlight.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                inFlight.release();
                return;
            }
            next.run();
        }
    }

    private void post(int index, long intendedNanos, Instant intendedAt) {
        Origin origin = origins.get(index % origins.size());
        String body = "{\"patient\":{\"nhsNumber\":\"" + nhsNumbers.next()
                + "\",\"name\":\"Load Probe\",\"dateOfBirth\":\"1956-03-14\",\"postcode\":\"" + origin.postcode()
                + "\"},\"reason\":{\"system\":\"http://snomed.info/sct\",\"code\":\""
                + REASONS.get((index / origins.size()) % REASONS.size()) + "\"},\"preferences\":{\"maxTravelKm\":20}}";
        HttpRequest request = HttpRequest.newBuilder(referrals)
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + origin.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long dispatched = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long done = System.nanoTime();
            serviceMicros.recordValue(Math.max(0, (done - dispatched) / 1000));
            int status = failure != null ? 0 : response.statusCode();
            String id = null;
            if (status == 201) {
                Matcher m = ID.matcher(response.body());
                id = m.find() ? m.group(1) : null;
            }
            postLatencyMicros.recordValue(Math.max(0, (done - intendedNanos) / 1000));
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
            sent.add(new Sent(index, intendedNanos, intendedAt, status, id, done));
            completed.incrementAndGet();
            inFlight.release();
            dispatch();
        });
    }

    Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, n) -> counts.put(status, n.sum()));
        return counts;
    }
}
