package com.concert.domain.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectTest {

    @Test
    void aSubjectIsAnyStringOfOneTo255Characters() {
        assertThat(new Subject("a").value()).isEqualTo("a");
        assertThat(new Subject("auth0|5f7c8ec7c33c6c004bbafe82").value()).startsWith("auth0|");
        assertThat(new Subject("x".repeat(255)).value()).hasSize(255);
    }

    @Test
    void anEmptyMissingOrOverlongSubject_isRefused() {
        assertThatThrownBy(() -> new Subject("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subject(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subject("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Subject.isValid("x".repeat(256))).isFalse();
    }
}
