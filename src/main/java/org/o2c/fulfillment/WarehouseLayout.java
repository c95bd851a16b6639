package org.o2c.fulfillment;

import java.math.BigDecimal;

/**
 * The shop's warehouse as the contract describes it: {@code aisles} parallel aisles lettered from the depot side,
 * {@code aisleDistanceMeters} apart, each with {@code baysPerAisle} bays of {@code bayWidthMeters}, between a front
 * and a back cross aisle {@code crossAisleMeters} wide; the depot is on the front cross aisle at aisle A.
 */
public record WarehouseLayout(int aisles, int baysPerAisle, BigDecimal bayWidthMeters, BigDecimal aisleDistanceMeters,
        BigDecimal crossAisleMeters) {}
