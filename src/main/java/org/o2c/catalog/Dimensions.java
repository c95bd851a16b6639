package org.o2c.catalog;

/** A product's outer size as it goes into a carton, in millimetres (any orientation: packers turn things). */
public record Dimensions(int lengthMm, int widthMm, int heightMm) {}
