package uk.nhs.pathways.referral.register.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.register.domain.Course;
import uk.nhs.pathways.referral.register.domain.SessionRecord;

/**
 * One class's register as its provider keeps it at a session: the class's session dates and everyone whose
 * course is in the class (booked, under way or ended there), each with what is recorded so far, and the
 * sessions cancelled for the whole class.
 */
public record ClassRegister(
        DirectoryClass cohort, List<LocalDate> sessionDates, Set<Integer> cancelledSessions, List<Person> people) {

    /** A person in the class: the referral, its course (null until the first entry) and its records. */
    public record Person(Referral referral, Course course, List<SessionRecord> sessions) {}
}
