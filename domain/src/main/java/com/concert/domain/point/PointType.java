package com.concert.domain.point;

public enum PointType {
    CHARGE,
    USE,
    REFUND
}
