package uk.nhs.pathways.referral.register.service;

import java.time.LocalDate;
import java.util.List;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.referral.register.domain.Course;
import uk.nhs.pathways.referral.register.domain.MeasureRecord;
import uk.nhs.pathways.referral.register.domain.SessionRecord;
import uk.nhs.pathways.referral.register.domain.Tally;

/**
 * A referral's register as its provider reads it: the course (null while nothing is recorded), the
 * schedule's session dates, what is recorded, and the sessions needed to complete.
 */
public record CourseRegister(
        Referral referral,
        Course course,
        String classId,
        List<LocalDate> sessionDates,
        List<SessionRecord> sessions,
        List<MeasureRecord> measures,
        Tally tally,
        int attendanceNeeded) {}
