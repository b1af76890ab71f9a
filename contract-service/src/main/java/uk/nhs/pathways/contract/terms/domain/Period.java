package uk.nhs.pathways.contract.terms.domain;

import java.time.LocalDate;

/** Days from {@code start} to {@code end}, both included. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period ends on or after its start");
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    @Override
    public String toString() {
        return start + " to " + end;
    }
}
