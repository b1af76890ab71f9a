package uk.nhs.pathways.platform.geo;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Rows of the open reference data files bundled under {@code reference-data/} (see its README). */
public final class ReferenceData {

    private static final CsvMapper CSV = new CsvMapper();

    private ReferenceData() {}

    /** Every row of a bundled CSV file as column name to value, in file order. */
    public static List<Map<String, String>> rows(String file) {
        try (InputStream in = ReferenceData.class.getResourceAsStream("/reference-data/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference data file " + file);
            }
            MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader())
                    .readValues(in);
            return it.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
