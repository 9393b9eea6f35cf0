package com.concert.application.shared;

import com.concert.domain.shared.ErrorCode;
import com.concert.domain.shared.ValidationFailedException;
import com.concert.domain.shared.Violation;
import com.concert.domain.shared.Violations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {

    @Test
    void pageRequest_refusesAPageOrSizeOutOfRange_namingBothFields() {
        assertThatThrownBy(() -> new PageRequest(-1, 0))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("page", "size"));
        assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_SIZE + 1))
                .isInstanceOf(ValidationFailedException.class)
                .hasMessage("size: must be between 1 and 100");
    }

    @Test
    void totalPages_roundsUp_andIsZeroForAnEmptyListing() {
        PageRequest request = new PageRequest(0, 20);

        assertThat(Page.of(List.of(), request, 0).totalPages()).isZero();
        assertThat(Page.of(List.of(), request, 20).totalPages()).isEqualTo(1);
        assertThat(Page.of(List.of(), request, 1000).totalPages()).isEqualTo(50);
        assertThat(Page.of(List.of(), request, 1001).totalPages()).isEqualTo(51);
        assertThat(new PageRequest(3, 20).offset()).isEqualTo(60);
    }

    @Test
    void violations_areAllReportedAtOnce() {
        Violations violations = new Violations()
                .check(false, "title", "must not be blank")
                .check(true, "venue", "never reported")
                .add("schedules[0].performanceAt", "must not be null");

        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("title", "schedules[0].performanceAt");
                });
    }
}
