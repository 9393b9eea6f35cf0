package com.concert.application.shared;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** One page of a listing, and how many items the whole listing has. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems must not be negative");
        }
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page(), request.size(), totalItems);
    }

    public int totalPages() {
        return (int) ((totalItems + size - 1) / size);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
    }
}
