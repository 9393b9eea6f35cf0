package com.concert.application.catalog.port.in;

import com.concert.domain.concert.BookingWindow;
import com.concert.domain.concert.ConcertDraft;
import com.concert.domain.concert.ScheduleDraft;
import com.concert.domain.concert.Section;
import com.concert.domain.shared.Violations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A concert as an operator describes it. Fields may be missing here: {@link #toDraft(Instant)} reports every
 * broken rule at once, with the field paths the client used ({@code schedules[0].sections[1].price}).
 */
public record CreateConcertCommand(String title, String venue, List<ScheduleInput> schedules) {

    /** {@code bookingOpensAt} defaults to the moment of creation, {@code bookingClosesAt} to the performance. */
    public record ScheduleInput(Instant performanceAt, Instant bookingOpensAt, Instant bookingClosesAt,
                                List<SectionInput> sections) {

        Instant opensAt(Instant now) {
            return bookingOpensAt != null ? bookingOpensAt : now;
        }

        Instant closesAt() {
            return bookingClosesAt != null ? bookingClosesAt : performanceAt;
        }
    }

    public record SectionInput(String grade, Long price, Integer seats) {
    }

    /**
     * Checks every rule and builds the draft to store.
     *
     * @param now the moment of creation, the default opening of booking windows
     * @throws com.concert.domain.shared.ValidationFailedException naming every violation
     */
    public ConcertDraft toDraft(Instant now) {
        Violations violations = new Violations();
        checkText(violations, "title", title, ConcertDraft.MAX_TITLE_LENGTH);
        checkText(violations, "venue", venue, ConcertDraft.MAX_VENUE_LENGTH);
        if (schedules == null || schedules.isEmpty() || schedules.size() > ConcertDraft.MAX_SCHEDULES) {
            violations.add("schedules", "must have 1 to " + ConcertDraft.MAX_SCHEDULES + " entries");
        } else {
            for (int i = 0; i < schedules.size(); i++) {
                checkSchedule(violations, "schedules[" + i + "]", schedules.get(i), now);
            }
        }
        violations.throwIfAny();

        List<ScheduleDraft> drafts = new ArrayList<>(schedules.size());
        for (ScheduleInput schedule : schedules) {
            List<Section> sections = schedule.sections().stream()
                    .map(s -> new Section(s.grade().strip(), s.price(), s.seats()))
                    .toList();
            drafts.add(new ScheduleDraft(schedule.performanceAt(),
                    new BookingWindow(schedule.opensAt(now), schedule.closesAt()), sections));
        }
        return new ConcertDraft(title.strip(), venue.strip(), drafts);
    }

    private static void checkSchedule(Violations violations, String path, ScheduleInput schedule, Instant now) {
        if (schedule == null) {
            violations.add(path, "must not be null");
            return;
        }
        if (schedule.performanceAt() == null) {
            violations.add(path + ".performanceAt", "must not be null");
        } else if (!withinHorizon(schedule.performanceAt(), now)
                || (schedule.bookingOpensAt() != null && !withinHorizon(schedule.bookingOpensAt(), now))
                || (schedule.bookingClosesAt() != null && !withinHorizon(schedule.bookingClosesAt(), now))) {
            String field = !withinHorizon(schedule.performanceAt(), now) ? "performanceAt"
                    : schedule.bookingOpensAt() != null && !withinHorizon(schedule.bookingOpensAt(), now)
                    ? "bookingOpensAt" : "bookingClosesAt";
            violations.add(path + "." + field, "must be within " + ScheduleDraft.MAX_HORIZON.toDays() / 365
                    + " years of now");
        } else {
            if (schedule.closesAt().isAfter(schedule.performanceAt())) {
                violations.add(path + ".bookingClosesAt", "must not be after performanceAt");
            } else if (!schedule.opensAt(now).isBefore(schedule.closesAt())) {
                violations.add(schedule.bookingOpensAt() != null ? path + ".bookingOpensAt" : path + ".performanceAt",
                        schedule.bookingOpensAt() != null
                                ? "must be before bookingClosesAt"
                                : "must be in the future when bookingOpensAt is not given");
            }
        }
        List<SectionInput> sections = schedule.sections();
        if (sections == null || sections.isEmpty() || sections.size() > ScheduleDraft.MAX_SECTIONS) {
            violations.add(path + ".sections", "must have 1 to " + ScheduleDraft.MAX_SECTIONS + " entries");
            return;
        }
        long totalSeats = 0;
        for (int i = 0; i < sections.size(); i++) {
            SectionInput section = sections.get(i);
            String sectionPath = path + ".sections[" + i + "]";
            if (section == null) {
                violations.add(sectionPath, "must not be null");
                continue;
            }
            checkText(violations, sectionPath + ".grade", section.grade(), Section.MAX_GRADE_LENGTH);
            violations.check(section.price() != null && section.price() >= 1 && section.price() <= Section.MAX_PRICE,
                    sectionPath + ".price", "must be between 1 and " + Section.MAX_PRICE);
            violations.check(section.seats() != null && section.seats() >= 1 && section.seats() <= Section.MAX_SEATS,
                    sectionPath + ".seats", "must be between 1 and " + Section.MAX_SEATS);
            totalSeats += section.seats() == null ? 0 : Math.max(0, section.seats());
        }
        violations.check(totalSeats <= ScheduleDraft.MAX_TOTAL_SEATS, path + ".sections",
                "must have at most " + ScheduleDraft.MAX_TOTAL_SEATS + " seats in all");
    }

    private static boolean withinHorizon(Instant instant, Instant now) {
        return !instant.isBefore(now.minus(ScheduleDraft.MAX_HORIZON)) && !instant.isAfter(now.plus(ScheduleDraft.MAX_HORIZON));
    }

    private static void checkText(Violations violations, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(field, "must not be blank");
        } else if (value.strip().length() > maxLength) {
            violations.add(field, "must have at most " + maxLength + " characters");
        }
    }
}
