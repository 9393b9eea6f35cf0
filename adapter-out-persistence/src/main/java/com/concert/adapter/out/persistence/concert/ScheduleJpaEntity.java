package com.concert.adapter.out.persistence.concert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "concert_schedule")
class ScheduleJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "concert_id", nullable = false)
    private ConcertJpaEntity concert;

    @Column(name = "concert_id", nullable = false, insertable = false, updatable = false)
    private Long concertId;

    @Column(name = "performance_at", nullable = false)
    private Instant performanceAt;

    @Column(name = "booking_opens_at", nullable = false)
    private Instant bookingOpensAt;

    @Column(name = "booking_closes_at", nullable = false)
    private Instant bookingClosesAt;

    @Column(name = "total_seats", nullable = false)
    private int totalSeats;

    protected ScheduleJpaEntity() {
    }

    ScheduleJpaEntity(ConcertJpaEntity concert, Instant performanceAt, Instant bookingOpensAt,
                      Instant bookingClosesAt, int totalSeats) {
        this.concert = concert;
        this.performanceAt = performanceAt;
        this.bookingOpensAt = bookingOpensAt;
        this.bookingClosesAt = bookingClosesAt;
        this.totalSeats = totalSeats;
    }

    public Long getId() {
        return id;
    }

    /** The owning concert's id, readable without loading the concert. */
    public Long getConcertId() {
        return concertId != null ? concertId : concert.getId();
    }

    public Instant getPerformanceAt() {
        return performanceAt;
    }

    public Instant getBookingOpensAt() {
        return bookingOpensAt;
    }

    public Instant getBookingClosesAt() {
        return bookingClosesAt;
    }

    public int getTotalSeats() {
        return totalSeats;
    }
}
