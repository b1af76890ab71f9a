package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** After everything the suite did, no service (nor the web pages) has written a person's details to its log. */
@Order(100)
class NoPersonalDataInLogsE2ETest {

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @Test
    void noServiceLogsPersonalData() throws IOException {
        try (var files = Files.list(E2E.WORK.resolve("logs"))) {
            List<Path> serviceLogs = files.toList();
            // The four services and the web pages.
            assertThat(serviceLogs).hasSize(5);
            for (Path log : serviceLogs) {
                assertThat(Files.readString(log))
                        .as(log.getFileName().toString())
                        .isNotEmpty()
                        .doesNotContainPattern("999\\d{7}")
                        .doesNotContain("E2E Person")
                        .doesNotContain("1950-05-05")
                        .doesNotContain("Mrs Example");
            }
        }
    }
}
