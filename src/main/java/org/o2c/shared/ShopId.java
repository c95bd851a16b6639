package org.o2c.shared;

/** The tenant: every business row belongs to one shop (and the shop id is the sharding key). */
public record ShopId(long value) {
    /** The shop that exists in every install; the bootstrap admin token acts on it by default. */
    public static final ShopId DEFAULT = new ShopId(1);

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
