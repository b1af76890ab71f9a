package uk.nhs.pathways.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PostcodesTest {

    private final Postcodes postcodes = new Postcodes();

    @Test
    void normalisesSpacingAndCase() {
        assertThat(Postcodes.normalise(" ls6  2af ")).contains("LS6 2AF");
        assertThat(Postcodes.normalise("SW1A1AA")).contains("SW1A 1AA");
        assertThat(Postcodes.normalise("not a postcode")).isEmpty();
        assertThat(Postcodes.normalise("LS6 2A")).isEmpty();
    }

    @Test
    void locatesAtTheDistrictCentroid() {
        Location leeds6 = postcodes.locate("LS6 2AF").orElseThrow();
        assertThat(leeds6.latitude()).isCloseTo(53.820093, within(1e-6));
        assertThat(leeds6.longitude()).isCloseTo(-1.570872, within(1e-6));
        assertThat(postcodes.locate("ZZ9 9ZZ")).isEmpty();
        assertThat(postcodes.districts()).isEqualTo(2864);
    }

    @Test
    void measuresGreatCircleDistance() {
        Location leeds1 = postcodes.locate("LS1 1AA").orElseThrow();
        Location manchester1 = postcodes.locate("M1 1AA").orElseThrow();
        // Leeds to Manchester city centres: about 58 km as the crow flies.
        assertThat(leeds1.metresTo(manchester1)).isBetween(55_000.0, 61_000.0);
        assertThat(leeds1.metresTo(leeds1)).isZero();
    }
}
