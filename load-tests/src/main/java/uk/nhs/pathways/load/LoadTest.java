package uk.nhs.pathways.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The load harness (bin/load-test runs it against a running platform): the ceilings, a one-at-a-time
 * baseline, then referrals at a constant arrival rate, and a report of what the platform sustained
 * against what the database and the broker can do on this machine.
 *
 * <pre>
 *   --rate R            referrals per second (200)      --duration D   e.g. 60s, 2m (60s)
 *   --one-at-a-time N   only N referrals one after another, POST to decision
 *   --base-port P       the platform's web port; referral-service is P+2 (PATHWAYS_BASE_PORT, 8080)
 *   --kafka-port K      its broker (PATHWAYS_KAFKA_PORT, 9092)
 *   --connections C     most POSTs in flight (64)        --drain D      wait for late answers (120s)
 *   --no-ceilings       skip pgbench and ProducerPerformance
 *   --report FILE       (load-tests/target/load-report.txt)   --root DIR   the project (.)
 * </pre>
 */
public final class LoadTest {

    /** Practices with classes near them in the demo directory, in two ICBs; Teesside's are not funded. */
    private static final List<String[]> PRACTICES = List.of(
            new String[] {"B86030", "LS6 2AB"}, // Leeds, West Yorkshire (QWO): offered
            new String[] {"B86030", "LS6 2AB"},
            new String[] {"B86030", "LS6 2AB"},
            new String[] {"A81001", "TS18 1HU"}); // Stockton-on-Tees, North East (QHM): needs attention

    private static final int BASELINE = 20;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        Path root = Path.of(opts.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int basePort = Integer.parseInt(opts.getOrDefault("base-port", env("PATHWAYS_BASE_PORT", "8080")));
        int kafkaPort = Integer.parseInt(opts.getOrDefault("kafka-port", env("PATHWAYS_KAFKA_PORT", "9092")));
        double rate = Double.parseDouble(opts.getOrDefault("rate", "200"));
        Duration duration = duration(opts.getOrDefault("duration", "60s"));
        Duration drain = duration(opts.getOrDefault("drain", "120s"));
        int connections = Integer.parseInt(opts.getOrDefault("connections", "64"));
        int oneAtATime = Integer.parseInt(opts.getOrDefault("one-at-a-time", "0"));
        Path reportFile = Path.of(opts.getOrDefault(
                "report", root.resolve("load-tests/target/load-report.txt").toString()));
        String referralUrl = "http://127.0.0.1:" + (basePort + 2);
        String bootstrap = "127.0.0.1:" + kafkaPort;

        Report report = new Report();
        report.line(
                "Pathways load test, %s UTC",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(Instant.now().atOffset(ZoneOffset.UTC)));
        report.line(
                "platform: referral-service %s, Kafka %s; machine: %d cores",
                referralUrl, bootstrap, Runtime.getRuntime().availableProcessors());

        Ceilings.Result database = null;
        Ceilings.Result kafka = null;
        if (!opts.containsKey("no-ceilings")) {
            System.out.println("Ceilings: pgbench (20 s), then Kafka ProducerPerformance (20 s)...");
            database = Ceilings.database(20);
            kafka = Ceilings.kafka(bootstrap, 20);
            report.line("");
            report.line("Ceilings on this machine");
            report.line("  database  %,8.0f tx/s       %s", database.perSecond(), database.detail());
            report.line("  kafka     %,8.0f records/s  %s", kafka.perSecond(), kafka.detail());
        }

        DevTokens tokens = new DevTokens(root.resolve("deploy/local/dev-issuer/private-key.pem"));
        Map<String, String> tokenByPractice = new HashMap<>();
        List<ReferralLoad.Origin> origins = new ArrayList<>();
        for (String[] p : PRACTICES) {
            String token = tokenByPractice.computeIfAbsent(p[0], practice -> {
                try {
                    return tokens.mint("referrer", practice);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            origins.add(new ReferralLoad.Origin(p[0], p[1], token));
        }
        // A random start in the test range: a run never meets its own earlier numbers (1,000,000 serials).
        TestNhsNumbers nhsNumbers =
                new TestNhsNumbers(ThreadLocalRandom.current().nextInt(1_000_000));

        try (DecisionWatcher watcher = new DecisionWatcher(bootstrap)) {
            awaitReady(new ReferralLoad(referralUrl, origins.subList(0, 1), nhsNumbers, 1), watcher);
            int baseline = oneAtATime > 0 ? oneAtATime : BASELINE;
            System.out.printf("One at a time: %d referrals, POST to decision...%n", baseline);
            oneAtATime(report, new ReferralLoad(referralUrl, origins, nhsNumbers, 1), watcher, baseline);
            if (oneAtATime == 0) {
                System.out.printf(
                        "Open model: %.0f referrals/s for %d s (%d connections)...%n",
                        rate, duration.toSeconds(), connections);
                openModel(
                        report,
                        new ReferralLoad(referralUrl, origins, nhsNumbers, connections),
                        watcher,
                        rate,
                        duration,
                        drain,
                        connections,
                        database,
                        kafka);
            }
        }
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report.text());
        System.out.println();
        System.out.print(report.text());
        System.out.println("(written to " + reportFile + ")");
        System.exit(0);
    }

    /**
     * A just-started platform ranks only once its copies of the directory and the funding coverage have
     * arrived: probe (unreported) until a Leeds referral is offered.
     */
    private static void awaitReady(ReferralLoad probe, DecisionWatcher watcher) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            probe.postNow(0);
            probe.awaitAnswers(i + 1, Duration.ofSeconds(30));
            ReferralLoad.Sent sent = probe.sent.poll();
            if (sent != null && sent.referralId() != null) {
                try {
                    if (watcher.future(sent.referralId())
                            .get(10, TimeUnit.SECONDS)
                            .offered()) {
                        return;
                    }
                } catch (TimeoutException e) {
                    // not decided yet: the platform is still catching up
                }
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        throw new IllegalStateException("no referral was offered within 3 minutes: is the platform up with demo data?");
    }

    private static void oneAtATime(Report report, ReferralLoad load, DecisionWatcher watcher, int n) throws Exception {
        Histogram decided = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        int missing = 0;
        for (int i = 0; i < n; i++) {
            load.postNow(i);
            load.awaitAnswers(i + 1, Duration.ofSeconds(60));
            ReferralLoad.Sent sent = load.sent.poll();
            if (sent == null || sent.referralId() == null) {
                missing++;
                continue;
            }
            try {
                DecisionWatcher.Decision d = watcher.future(sent.referralId()).get(30, TimeUnit.SECONDS);
                decided.recordValue((d.consumedNanos() - sent.intendedNanos()) / 1000);
            } catch (TimeoutException e) {
                missing++;
            }
        }
        report.line("");
        report.line("One at a time (%d referrals, each POSTed after the previous one's decision was read)", n);
        report.line(
                "  POST           p50 %s  p95 %s  max %s",
                ms(load.postLatencyMicros, 50),
                ms(load.postLatencyMicros, 95),
                ms(load.postLatencyMicros.getMaxValue()));
        report.line(
                "  POST→decision  p50 %s  p95 %s  max %s   (decision event read off Kafka)%s",
                ms(decided, 50),
                ms(decided, 95),
                ms(decided.getMaxValue()),
                missing > 0 ? "; " + missing + " without a decision" : "");
        report.line("  statuses %s", load.statusCounts());
    }

    private static void openModel(
            Report report,
            ReferralLoad load,
            DecisionWatcher watcher,
            double rate,
            Duration duration,
            Duration drain,
            int connections,
            Ceilings.Result database,
            Ceilings.Result kafka)
            throws Exception {
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        String loadBefore = loadAverage();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        Instant startAt = Instant.now().plusMillis(200);
        load.run(start, startAt, rate, count);
        long scheduled = System.nanoTime();
        String loadAtEnd = loadAverage();
        boolean allAnswered = load.awaitAnswers(count, drain);
        List<ReferralLoad.Sent> sent = new ArrayList<>(load.sent);
        long lastAnswer =
                sent.stream().mapToLong(ReferralLoad.Sent::doneNanos).max().orElse(scheduled);
        List<ReferralLoad.Sent> created =
                sent.stream().filter(s -> s.referralId() != null).toList();

        // Bounded wait for the decisions still on their way.
        long deadline = System.nanoTime() + drain.toNanos();
        for (ReferralLoad.Sent s : created) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                watcher.future(s.referralId()).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                break;
            }
        }
        Histogram lag = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        Histogram toSubmitted = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        Histogram toFunded = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        Histogram toDecision = new Histogram(TimeUnit.MINUTES.toMicros(30), 3);
        int decided = 0;
        int offered = 0;
        int inSecondHalf = 0;
        Instant lastDecision = startAt;
        Instant half = startAt.plus(duration.dividedBy(2));
        Instant end = startAt.plus(duration);
        for (ReferralLoad.Sent s : created) {
            DecisionWatcher.Decision d = watcher.future(s.referralId()).getNow(null);
            if (d == null) {
                continue;
            }
            decided++;
            offered += d.offered() ? 1 : 0;
            lag.recordValue(micros(s.intendedAt(), d.eventTime()));
            Instant submittedAt = watcher.submitted.get(s.referralId());
            Instant fundedAt = watcher.fundingDecided.get(s.referralId());
            if (submittedAt != null && fundedAt != null) {
                toSubmitted.recordValue(micros(s.intendedAt(), submittedAt));
                toFunded.recordValue(micros(submittedAt, fundedAt));
                toDecision.recordValue(micros(fundedAt, d.eventTime()));
            }
            if (!d.eventTime().isBefore(half) && d.eventTime().isBefore(end)) {
                inSecondHalf++;
            }
            if (d.eventTime().isAfter(lastDecision)) {
                lastDecision = d.eventTime();
            }
        }
        double seconds = duration.toMillis() / 1000.0;
        double postSpan = Math.max(seconds, (lastAnswer - start) / 1e9);
        long ok = created.size();
        double sustained = inSecondHalf / (seconds / 2);
        double allSpan = Math.max(1e-3, Duration.between(startAt, lastDecision).toMillis() / 1000.0);

        report.line("");
        report.line(
                "Open model: %.0f referrals/s intended for %.0f s = %,d POST /referrals, at most %d in flight",
                rate, seconds, count, connections);
        report.line(
                "  POST latency from intended start  p50 %s  p95 %s  p99 %s  max %s",
                ms(load.postLatencyMicros, 50),
                ms(load.postLatencyMicros, 95),
                ms(load.postLatencyMicros, 99),
                ms(load.postLatencyMicros.getMaxValue()));
        report.line(
                "  of which the server's part (sent → answered)  p50 %s  p95 %s  p99 %s  max %s",
                ms(load.serviceMicros, 50),
                ms(load.serviceMicros, 95),
                ms(load.serviceMicros, 99),
                ms(load.serviceMicros.getMaxValue()));
        report.line(
                "  achieved    %.1f answered/s (%,d answers in %.1f s), %.1f created (201)/s%s",
                sent.size() / postSpan,
                sent.size(),
                postSpan,
                ok / postSpan,
                allAnswered ? "" : String.format("; %,d never answered within the drain", count - sent.size()));
        report.line(
                "  statuses    %s%s",
                load.statusCounts(), load.statusCounts().containsKey(0) ? " (0: no response)" : "");
        report.line(
                "  end-to-end  %.1f decisions/s sustained (decision events in the second half of the load)", sustained);
        report.line(
                "              %,d of %,d created referrals decided (%,d offered, %,d needs attention) by %.1f s"
                        + " after the start = %.1f/s overall",
                decided, ok, offered, decided - offered, allSpan, decided / allSpan);
        report.line("  never decided within the %d s drain: %,d", drain.toSeconds(), ok - decided);
        report.line(
                "  submission → decision lag (decision event time − intended POST start)  p50 %s  p99 %s  max %s",
                ms(lag, 50), ms(lag, 99), ms(lag.getMaxValue()));
        report.line(
                "  machine load average (1, 5, 15 min) before the load %s, as the last POST was due %s",
                loadBefore, loadAtEnd);
        report.line("  where the lag goes (event times, p50 / p99):");
        report.line(
                "    intended start → referral.submitted (client queue, POST)       %s / %s",
                ms(toSubmitted, 50), ms(toSubmitted, 99));
        report.line(
                "    referral.submitted → funding.decided (relay, contract-service)  %s / %s",
                ms(toFunded, 50), ms(toFunded, 99));
        report.line(
                "    funding.decided → offered / needs attention (referral-service)  %s / %s",
                ms(toDecision, 50), ms(toDecision, 99));
        if (database != null && kafka != null) {
            report.line("");
            report.line("Against the ceilings");
            report.line(
                    "  end-to-end %.1f referrals/s = %s of the database ceiling %,.0f tx/s",
                    sustained, percent(sustained, database.perSecond()), database.perSecond());
            report.line(
                    "  end-to-end overall %.1f referrals/s = %s of the database ceiling",
                    decided / allSpan, percent(decided / allSpan, database.perSecond()));
            report.line(
                    "  POST created %.1f referrals/s = %s of the database ceiling",
                    ok / postSpan, percent(ok / postSpan, database.perSecond()));
            report.line(
                    "  (each referral is several transactions: referral-service's submit and offer, contract-service's"
                            + " decision, outcomes-service's records)");
            // referral.submitted, funding.decided, referral.offered (or needs-attention): three records each.
            report.line(
                    "  end-to-end %.1f referrals/s × 3 events = %.0f records/s = %s of the Kafka ceiling %,.0f"
                            + " records/s",
                    sustained, 3 * sustained, percent(3 * sustained, kafka.perSecond()), kafka.perSecond());
        }
    }

    /** Other work on the machine shows here: the platform shares its cores. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static long micros(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1000);
    }

    private static String percent(double part, double whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "-" : ms(h.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                opts.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (name.equals("no-ceilings")) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return opts;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The report, as printed and as written to the file. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String format, Object... args) {
            text.append(String.format(Locale.ROOT, format, args)).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}
