package org.o2c.notifications;

import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.o2c.shared.ShopId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Queues mails transactionally and sends them with exponential back-off (1 min … 6 h, 8 attempts). */
@Service
public class MailQueue {
    private static final Logger log = LoggerFactory.getLogger(MailQueue.class);
    static final int MAX_ATTEMPTS = 8;

    /** A queued mail as shown in the back-office. */
    public record QueuedMail(long id, String recipient, String subject, String status, int attempts, String lastError,
            Instant createdAt, Instant sentAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JavaMailSender sender;
    private final TransactionTemplate tx;
    private final String from;
    private final org.o2c.audit.DocumentArchive archive;

    MailQueue(JdbcClient jdbc, Clock clock, JavaMailSender sender, TransactionTemplate tx,
            @Value("${o2c.mail.from:o2c@localhost}") String from, org.o2c.audit.DocumentArchive archive) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sender = sender;
        this.tx = tx;
        this.from = from;
        this.archive = archive;
    }

    /** Queues a mail once per {@code dedupeKey}; queuing the same key again does nothing. */
    @Transactional
    public void queue(ShopId shop, String dedupeKey, String to, String subject, String text, String html) {
        queue(shop, dedupeKey, to, subject, text, html, List.of());
    }

    /** Queues a mail with archived documents attached (read from the archive when it is sent). */
    @Transactional
    public void queue(ShopId shop, String dedupeKey, String to, String subject, String text, String html,
            List<org.o2c.audit.DocumentArchive.Stored> attachments) {
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                INSERT INTO outgoing_mails (shop_id, dedupe_key, recipient, subject, body_text, body_html, status,
                    attempts, next_attempt_at, created_at)
                VALUES (:shop, :key, :to, :subject, :text, :html, 'QUEUED', 0, :now, :now) ON CONFLICT DO NOTHING""")
                .param("shop", shop.value()).param("key", dedupeKey).param("to", to).param("subject", subject)
                .param("text", text).param("html", html).param("now", Timestamp.from(now)).update();
        if (inserted == 0 || attachments.isEmpty()) {
            return;
        }
        long id = jdbc.sql("SELECT id FROM outgoing_mails WHERE dedupe_key = :key").param("key", dedupeKey)
                .query(Long.class).single();
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            jdbc.sql("""
                    INSERT INTO outgoing_mail_attachments (mail_id, position, sha256, file_name, media_type, size_bytes)
                    VALUES (:mail, :pos, :sha, :name, :media, :size)""")
                    .param("mail", id).param("pos", i).param("sha", a.sha256()).param("name", a.fileName())
                    .param("media", a.mediaType()).param("size", a.size()).update();
        }
    }

    /** The mail that sent an invoice to its buyer, if one was queued. */
    @Transactional(readOnly = true)
    public java.util.Optional<QueuedMail> invoiceMail(String invoiceId) {
        return byKey(InvoiceMails.key(invoiceId));
    }

    /** Where a mail stands, by the key it was queued under (for showing it next to what it is about). */
    @Transactional(readOnly = true)
    public java.util.Optional<QueuedMail> byKey(String dedupeKey) {
        return jdbc.sql("SELECT * FROM outgoing_mails WHERE dedupe_key = :key").param("key", dedupeKey)
                .query((rs, i) -> new QueuedMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    @Scheduled(fixedDelayString = "${o2c.mail.dispatch-interval-ms:2000}")
    public void dispatch() {
        List<Long> due = jdbc.sql("""
                SELECT id FROM outgoing_mails WHERE status = 'QUEUED' AND next_attempt_at <= :now
                ORDER BY id LIMIT 50""")
                .param("now", Timestamp.from(clock.instant())).query(Long.class).list();
        for (Long id : due) {
            tx.executeWithoutResult(s -> sendOne(id));
        }
    }

    private void sendOne(long id) {
        // The row lock keeps a second instance from sending the same mail.
        var mail = jdbc.sql("""
                SELECT recipient, subject, body_text, body_html, attempts FROM outgoing_mails
                WHERE id = :id AND status = 'QUEUED' FOR UPDATE""")
                .param("id", id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)})
                .optional();
        if (mail.isEmpty()) {
            return;
        }
        Object[] m = mail.get();
        int attempts = (Integer) m[4] + 1;
        try {
            MimeMessage message = sender.createMimeMessage();
            List<org.o2c.audit.DocumentArchive.Stored> attachments = jdbc.sql("""
                    SELECT sha256, file_name, media_type, size_bytes FROM outgoing_mail_attachments
                    WHERE mail_id = :id ORDER BY position""").param("id", id)
                    .query((rs, i) -> new org.o2c.audit.DocumentArchive.Stored(rs.getString(1).trim(), rs.getString(2),
                            rs.getString(3), rs.getLong(4))).list();
            MimeMessageHelper helper = new MimeMessageHelper(message, m[3] != null || !attachments.isEmpty(), "UTF-8");
            helper.setFrom(from);
            helper.setTo((String) m[0]);
            helper.setSubject((String) m[1]);
            if (m[3] != null) {
                helper.setText((String) m[2], (String) m[3]);
            } else {
                helper.setText((String) m[2]);
            }
            for (var a : attachments) {
                helper.addAttachment(a.fileName(), new org.springframework.core.io.ByteArrayResource(archive.read(a)),
                        a.mediaType());
            }
            sender.send(message);
            jdbc.sql("UPDATE outgoing_mails SET status = 'SENT', attempts = :a, sent_at = :now, last_error = NULL WHERE id = :id")
                    .param("a", attempts).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        } catch (Exception e) {
            boolean giveUp = attempts >= MAX_ATTEMPTS;
            Duration backoff = Duration.ofMinutes(Math.min(360, 1L << (attempts - 1)));
            log.warn("sending mail {} failed (attempt {}): {}", id, attempts, e.getMessage());
            jdbc.sql("""
                    UPDATE outgoing_mails SET status = :s, attempts = :a, next_attempt_at = :next, last_error = :err
                    WHERE id = :id""")
                    .param("s", giveUp ? "FAILED" : "QUEUED").param("a", attempts)
                    .param("next", Timestamp.from(clock.instant().plus(backoff)))
                    .param("err", String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length())))
                    .param("id", id).update();
        }
    }

    @Transactional(readOnly = true)
    public List<QueuedMail> recent(ShopId shop, int limit) {
        return jdbc.sql("SELECT * FROM outgoing_mails WHERE shop_id = :shop ORDER BY id DESC LIMIT :limit")
                .param("shop", shop.value()).param("limit", limit)
                .query((rs, i) -> new QueuedMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                        rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
