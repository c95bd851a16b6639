-- What a public-sector buyer needs on its e-invoice: the Leitweg-ID (XRechnung BT-10).
ALTER TABLE orders ADD COLUMN buyer_reference VARCHAR(100);
