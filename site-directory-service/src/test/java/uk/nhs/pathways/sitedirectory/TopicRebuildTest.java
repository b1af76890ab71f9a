package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.outbox.OutboxEvent;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;
import uk.nhs.pathways.testing.KafkaTestCluster;

/**
 * A consumer that starts from nothing, reads the compacted sites and classes topics from offset 0 and
 * keeps the latest record per key (a tombstone removes the key) ends with exactly the directory's
 * sites and classes: the topics alone rebuild a read model.
 */
@QuarkusTest
class TopicRebuildTest {

    static final String PROVIDER = "prov-rebuild";

    @Test
    void aConsumerRebuiltFromOffsetZeroEndsWithTheDirectoryAsItIs() throws Exception {
        aHistoryOfChanges();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null") == 0));

        Map<String, SiteUpdated> sitesFromTopic = rebuild(Topics.SITES, EventType.SITE_UPDATED, SiteUpdated.class);
        Map<String, ClassUpdated> classesFromTopic =
                rebuild(Topics.CLASSES, EventType.CLASS_UPDATED, ClassUpdated.class);

        Map<String, SiteUpdated> sitesInDatabase = QuarkusTransaction.requiringNew()
                .call(() -> Site.<Site>listAll().stream().collect(Collectors.toMap(s -> s.id, SiteDirectory::event)));
        Map<String, ClassUpdated> classesInDatabase = QuarkusTransaction.requiringNew()
                .call(() -> Cohort.<Cohort>listAll().stream().collect(Collectors.toMap(c -> c.id, Classes::event)));

        assertThat(sitesInDatabase).isNotEmpty();
        assertThat(classesInDatabase).isNotEmpty();
        assertThat(sitesFromTopic).isEqualTo(sitesInDatabase);
        assertThat(classesFromTopic).isEqualTo(classesInDatabase);
    }

    @Test
    void bothTopicsAreCompacted() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            for (String topic : List.of(Topics.SITES, Topics.CLASSES)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                String policy = admin.describeConfigs(List.of(resource))
                        .all()
                        .get()
                        .get(resource)
                        .get("cleanup.policy")
                        .value();
                assertThat(policy).as(topic).isEqualTo("compact");
            }
        }
    }

    /** Sites and classes added, changed, cancelled, retired, deleted and booked into. */
    static void aHistoryOfChanges() {
        Fixtures.provider(PROVIDER, "LOCAL_AUTHORITY");
        String keeps = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Rebuild Hall", "CA13 0AA", "COMMUNITY_CENTRE", List.of("KNEE", "HIP"), "ONBOARDING"));
        String retires = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Rebuild Annexe", "CA13 9AA", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        Map<String, Object> renamed = Fixtures.site(
                PROVIDER, "Rebuild Hall (renamed)", "CA13 0AA", "COMMUNITY_CENTRE", List.of("KNEE", "HIP"), "ACTIVE");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + keeps))
                .body(renamed)
                .put("/sites/" + keeps)
                .then()
                .statusCode(200);

        var request = Fixtures.cohort(keeps, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 10);
        String changed = Fixtures.addClass(request);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/classes/" + changed))
                .body(ClassesTest.with(request, r -> r.put("capacity", 12)))
                .put("/classes/" + changed)
                .then()
                .statusCode(200);
        String cancelled = Fixtures.addClass(
                Fixtures.cohort(keeps, Fixtures.next(DayOfWeek.MONDAY, 2), List.of("MONDAY", "WEDNESDAY"), 8));
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + cancelled))
                .post("/classes/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        Fixtures.addClass(
                Fixtures.cohort(retires, Fixtures.next(DayOfWeek.TUESDAY, 3), List.of("TUESDAY", "THURSDAY"), 8));
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/sites/" + retires))
                .post("/sites/" + retires + "/retire")
                .then()
                .statusCode(200);

        // entered by mistake, then deleted: tombstones
        String mistakenClass = Fixtures.addClass(
                Fixtures.cohort(keeps, Fixtures.next(DayOfWeek.FRIDAY, 4), List.of("WEDNESDAY", "FRIDAY"), 6));
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + mistakenClass))
                .delete("/classes/" + mistakenClass)
                .then()
                .statusCode(204);
        String mistakenSite = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Rebuild Typo", "CA13 0AA", "COMMUNITY_CENTRE", List.of("KNEE"), "ONBOARDING"));
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/sites/" + mistakenSite))
                .delete("/sites/" + mistakenSite)
                .then()
                .statusCode(204);

        String referral = UUID.randomUUID().toString();
        Bookings.requestPlace(referral, 1, PROVIDER, changed);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> given().auth()
                                .oauth2(ADMIN)
                                .get("/classes/" + changed)
                                .then()
                                .extract()
                                .<Integer>path("placesTaken")
                        == 1);
    }

    /** Every record of a topic from offset 0 to its current end, folded into latest-per-key. */
    static <T> Map<String, T> rebuild(String topic, EventType type, Class<T> payload) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, T> model = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        model.remove(record.key());
                    } else {
                        CloudEvent event =
                                KafkaMessageFactory.createReader(record).toEvent();
                        assertThat(event.getSubject()).isEqualTo(record.key());
                        model.put(record.key(), EventCodec.payload(event, type, payload));
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return model;
    }
}
