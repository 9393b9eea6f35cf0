package com.concert.adapter.out.persistence.concert;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "concert")
class ConcertJpaEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 200)
    private String venue;

    @Column(name = "first_performance_at", nullable = false)
    private Instant firstPerformanceAt;

    @Column(name = "last_performance_at", nullable = false)
    private Instant lastPerformanceAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "concert", cascade = CascadeType.PERSIST)
    @OrderBy("performanceAt, id")
    private List<ScheduleJpaEntity> schedules = new ArrayList<>();

    protected ConcertJpaEntity() {
    }

    ConcertJpaEntity(String title, String venue, Instant firstPerformanceAt, Instant lastPerformanceAt,
                     Instant createdAt) {
        this.title = title;
        this.venue = venue;
        this.firstPerformanceAt = firstPerformanceAt;
        this.lastPerformanceAt = lastPerformanceAt;
        this.createdAt = createdAt;
    }

    void addSchedule(ScheduleJpaEntity schedule) {
        schedules.add(schedule);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getVenue() {
        return venue;
    }

    public Instant getFirstPerformanceAt() {
        return firstPerformanceAt;
    }

    public Instant getLastPerformanceAt() {
        return lastPerformanceAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ScheduleJpaEntity> getSchedules() {
        return schedules;
    }
}
