package org.o2c.fulfillment;

import static org.o2c.support.IntegrationTest.MAIL;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what GreenMail received for one customer: mails arrive after commit, so these wait for them. */
final class ShippingMail {
    private ShippingMail() {}

    static List<MimeMessage> to(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                out.add(m);
            }
        }
        return out;
    }

    /** Waits (up to 30 s) for a mail to {@code address} whose subject contains {@code subjectPart}. */
    static MimeMessage await(String address, String subjectPart) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            for (MimeMessage m : to(address)) {
                if (m.getSubject().contains(subjectPart)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subjectPart + "' to " + address + " within 30 s");
    }

    /** The text of a mail with quoted-printable soft breaks undone. */
    static String body(MimeMessage m) {
        return GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=").replace("&amp;", "&");
    }

    /** The tracking-page link in a mail, as a path on this server. */
    static String trackingPath(MimeMessage m) {
        Matcher link = Pattern.compile("http://[^/\\s\"<]+(/portal/tracking/[^\\s\"<]+)").matcher(body(m));
        if (!link.find()) {
            throw new AssertionError("no tracking link in " + body(m));
        }
        return link.group(1);
    }
}
