package uk.nhs.pathways.contract.statements.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement as CSV (RFC 4180 quoting by Jackson's CSV writer). Text cells that a spreadsheet would read as a
 * formula (starting =, +, -, @, tab or carriage return) are written with a leading apostrophe, so opening the
 * file never runs anything; numbers are written as numbers.
 */
final class StatementCsv {

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema COLUMNS = CsvSchema.builder()
            .addColumn("statement")
            .addColumn("contract")
            .addColumn("commissioner")
            .addColumn("month")
            .addColumn("status")
            .addColumn("corrects")
            .addColumn("item")
            .addColumn("version")
            .addColumn("provider")
            .addColumn("payer")
            .addColumn("payee")
            .addColumn("quantity")
            .addColumn("unit_pence")
            .addColumn("amount_pence")
            .addColumn("amount_gbp")
            .build()
            .withHeader();

    private StatementCsv() {}

    static String write(StatementResource.StatementView s) {
        List<List<Object>> rows = new ArrayList<>();
        for (var line : s.lines()) {
            rows.add(row(
                    s,
                    line.item().name(),
                    line.contractVersion(),
                    line.providerId(),
                    line.payer(),
                    line.payee(),
                    line.quantity(),
                    line.unitPence(),
                    line.amountPence()));
        }
        rows.add(row(s, "TOTAL_COMMISSIONER_PAYS", null, null, null, null, null, null, s.commissionerPaysPence()));
        if (s.primeCarriesPence() != 0) {
            rows.add(row(s, "TOTAL_CARRIED_BY_PRIME", null, null, null, null, null, null, s.primeCarriesPence()));
        }
        try {
            return CSV.writer(COLUMNS).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> row(
            StatementResource.StatementView s,
            String item,
            Integer version,
            String provider,
            String payer,
            String payee,
            Long quantity,
            Long unit,
            long amount) {
        List<Object> row = new ArrayList<>();
        row.add(text(s.id()));
        row.add(text(s.contractId()));
        row.add(text(s.commissionerIcb()));
        row.add(s.month().toString());
        row.add(s.status().name());
        row.add(text(s.corrects()));
        row.add(item);
        row.add(version);
        row.add(text(provider));
        row.add(text(payer));
        row.add(text(payee));
        row.add(quantity);
        row.add(unit);
        row.add(amount);
        row.add(pounds(amount));
        return row;
    }

    /** A text cell, defused if a spreadsheet would take it for a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    /** Pence as pounds, exactly: 13000 is 130.00. */
    static String pounds(long pence) {
        return BigDecimal.valueOf(pence, 2).toPlainString();
    }
}
