/**
 * E-mail to customers and staff: templates in German and English and the outgoing mail queue,
 * sent over SMTP with retries. Failures stay visible in the queue, never silent.
 */
package org.o2c.notifications;
