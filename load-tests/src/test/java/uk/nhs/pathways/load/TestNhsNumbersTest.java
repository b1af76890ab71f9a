package uk.nhs.pathways.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestNhsNumbersTest {

    @Test
    void numbersAreDistinctValidAndFromTheTestRange() {
        TestNhsNumbers numbers = new TestNhsNumbers(999_990); // wraps past the end of the range
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            String n = numbers.next();
            assertThat(n).startsWith("999").hasSize(10);
            assertThat(TestNhsNumbers.isValid(n)).as(n).isTrue();
            assertThat(seen.add(n)).as("repeated " + n).isTrue();
        }
    }

    @Test
    void checkDigitIsModulus11() {
        assertThat(TestNhsNumbers.isValid("9434765919")).isTrue(); // the README's example
        assertThat(TestNhsNumbers.isValid("9434765918")).isFalse();
    }

    @Test
    void durationsReadAsTheScriptWritesThem() {
        assertThat(LoadTest.duration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(LoadTest.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadTest.duration("90")).isEqualTo(Duration.ofSeconds(90));
    }
}
