package org.o2c.customers;

import java.time.Instant;
import org.o2c.shared.CustomerId;

/** A buyer of the shop, known by e-mail address. */
public record Customer(CustomerId id, String number, String email, String name, String company, String vatId,
        Instant createdAt) {}
