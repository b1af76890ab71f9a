package uk.nhs.pathways.sitedirectory.search.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.sitedirectory.rest.QueryParams;
import uk.nhs.pathways.sitedirectory.search.service.DirectorySearch;

/** The filters both searches take, read from their query parameters: a bad one is a 400 naming it. */
record SearchFilters(
        Joint programme,
        DayOfWeek day,
        LocalDate startFrom,
        LocalDate startTo,
        Setting setting,
        ProviderType providerType) {

    static SearchFilters read(
            String programme, String day, String startFrom, String startTo, String setting, String providerType) {
        return new SearchFilters(
                QueryParams.enumValue(Joint.class, programme, "programme"),
                QueryParams.enumValue(DayOfWeek.class, day, "day"),
                QueryParams.date(startFrom, "startFrom"),
                QueryParams.date(startTo, "startTo"),
                QueryParams.enumValue(Setting.class, setting, "setting"),
                QueryParams.enumValue(ProviderType.class, providerType, "providerType"));
    }

    /** startFrom, or today when it was left out. */
    LocalDate from(LocalDate today) {
        return startFrom == null ? today : startFrom;
    }

    /** 400 when startTo comes before {@code from}. */
    void requireStartToNotBefore(LocalDate from) {
        if (startTo != null && startTo.isBefore(from)) {
            throw ProblemException.badField("startTo", "must not be before startFrom");
        }
    }

    DirectorySearch.ClassFilter classes(LocalDate from, int freePlaces, ClassStatus status) {
        return new DirectorySearch.ClassFilter(programme, day, from, startTo, freePlaces, status);
    }
}
