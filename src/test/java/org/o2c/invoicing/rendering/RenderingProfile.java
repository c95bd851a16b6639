package org.o2c.invoicing.rendering;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.o2c.invoicing.InvoiceDocument;

/**
 * Benchmark, not a test ({@code bench/invoice-rendering.sh}): CPU time per stage of one invoice PDF on one
 * thread — Factur-X XML, QR code, page model, layout to PDF/A-3, Mustang's embedding — so a change to rendering
 * can be judged without the server around it. The first half of the renders warms the JIT and is not counted.
 */
public final class RenderingProfile {

    private RenderingProfile() {}

    public static void main(String[] args) {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ThreadMXBean cpu = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        InvoiceDocument doc = InvoiceFixture.domesticMixed();
        Branding branding = new Branding(doc.seller().name(), Branding.DEFAULT_ACCENT, null);
        PdfLayout layout = new PdfLayout();
        String[] stages = {"Factur-X XML", "QR code (part of the layout, timed apart)", "page model (texts, numbers)",
                "layout to PDF/A-3 (incl. QR code)", "Mustang embedding", "total"};
        long[] nanos = new long[stages.length];
        for (int i = 0; i < renders; i++) {
            if (i == renders / 2) {
                Arrays.fill(nanos, 0);
            }
            long t0 = cpu.getCurrentThreadCpuTime();
            byte[] xml = EInvoiceXml.write(doc, EInvoiceXml.Flavour.FACTUR_X);
            long t1 = cpu.getCurrentThreadCpuTime();
            String giroCode = GiroCode.payload(doc).orElseThrow();
            long qr = cpu.getCurrentThreadCpuTime();
            GiroCode.modules(giroCode);
            long t2 = cpu.getCurrentThreadCpuTime();
            InvoicePage page = InvoicePage.of(doc, branding, giroCode);
            long t3 = cpu.getCurrentThreadCpuTime();
            byte[] pdf = layout.pdf(page);
            long t4 = cpu.getCurrentThreadCpuTime();
            FacturXPdf.embed(pdf, xml, doc.seller().name());
            long t5 = cpu.getCurrentThreadCpuTime();
            long[] step = {t1 - t0, t2 - qr, t3 - t2, t4 - t3, t5 - t4, (t5 - t0) - (t2 - qr)};
            for (int s = 0; s < step.length; s++) {
                nanos[s] += step[s];
            }
        }
        int counted = renders - renders / 2;
        System.out.printf("| stage | CPU ms per invoice |%n| --- | ---: |%n");
        for (int s = 0; s < stages.length; s++) {
            System.out.printf("| %s | %.2f |%n", stages[s], nanos[s] / 1e6 / counted);
        }
        System.out.printf("%n%d renders of %s on one thread, the last %d counted.%n", renders, doc.number(), counted);
    }
}
