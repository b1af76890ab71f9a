package uk.nhs.pathways.contract;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.PostgresTestDatabase;

/** The real PostgreSQL database and Kafka broker every test of this module runs against. */
@QuarkusTestResource(KafkaTestCluster.class)
@QuarkusTestResource(
        value = PostgresTestDatabase.class,
        initArgs = @ResourceArg(name = "database", value = "pathways_contract_test"))
public final class TestInfrastructure {}
