package com.concert.adapter.out.persistence.concert;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface ConcertSpringDataRepository extends JpaRepository<ConcertJpaEntity, Long> {

    @Query(value = """
            select c from ConcertJpaEntity c
            where exists (select 1 from ScheduleJpaEntity s
                          where s.concertId = c.id and s.bookingOpensAt <= :now and s.bookingClosesAt > :now)
            order by c.firstPerformanceAt, c.id""",
            countQuery = """
            select count(c) from ConcertJpaEntity c
            where exists (select 1 from ScheduleJpaEntity s
                          where s.concertId = c.id and s.bookingOpensAt <= :now and s.bookingClosesAt > :now)""")
    Page<ConcertJpaEntity> findBookable(Instant now, Pageable pageable);

    @Query("select c from ConcertJpaEntity c left join fetch c.schedules where c.id = :id")
    Optional<ConcertJpaEntity> findWithSchedules(long id);
}
