package org.o2c.invoicing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.o2c.audit.DocumentArchive;
import org.o2c.invoicing.rendering.Branding;
import org.o2c.invoicing.rendering.InvoiceRenderer;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The files of an issued document: rendered once from the frozen document, archived write-once, and
 * from then on always served from the archive, so a download years later is the same bytes.
 */
@Service
public class InvoiceFiles {

    /** A file to hand out: name, media type, bytes. */
    public record File(String name, String mediaType, byte[] content) {
        /** The file as an HTTP download named like the document. */
        public org.springframework.http.ResponseEntity<byte[]> asDownload() {
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(mediaType))
                    .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                            org.springframework.http.ContentDisposition.attachment().filename(name).build().toString())
                    .body(content);
        }
    }

    static final String PDF = "pdf";
    static final String XRECHNUNG = "xrechnung";

    private final Invoicing invoicing;
    private final InvoiceRenderer renderer;
    private final DocumentArchive archive;
    private final ConcurrentHashMap<String, CompletableFuture<byte[]>> rendering = new ConcurrentHashMap<>();

    InvoiceFiles(Invoicing invoicing, InvoiceRenderer renderer, DocumentArchive archive) {
        this.invoicing = invoicing;
        this.renderer = renderer;
        this.archive = archive;
    }

    /** The PDF/A-3 with the Factur-X/ZUGFeRD XML inside. */
    public File pdf(ShopId shop, String documentId) {
        return file(shop, documentId, PDF);
    }

    /** The XRechnung XML. */
    public File xrechnung(ShopId shop, String documentId) {
        return file(shop, documentId, XRECHNUNG);
    }

    /** The archived PDF (rendered and archived now if it is not yet), e.g. to attach it to a mail. */
    public DocumentArchive.Stored archivedPdf(ShopId shop, String documentId) {
        return archived(shop, documentId, PDF);
    }

    /** The archived XRechnung (rendered and archived now if it is not yet). */
    public DocumentArchive.Stored archivedXrechnung(ShopId shop, String documentId) {
        return archived(shop, documentId, XRECHNUNG);
    }

    private File file(ShopId shop, String documentId, String kind) {
        DocumentArchive.Stored stored = archived(shop, documentId, kind);
        return new File(stored.fileName(), stored.mediaType(), archive.read(stored));
    }

    private DocumentArchive.Stored archived(ShopId shop, String documentId, String kind) {
        InvoiceDocument doc = invoicing.get(shop, documentId).document();
        return archive.find(shop, "invoice", documentId, kind).orElseGet(() -> {
            byte[] bytes = renderOnce(shop, doc, kind);
            String name = doc.number() + (PDF.equals(kind) ? ".pdf" : "-xrechnung.xml");
            return archive.store(shop, "invoice", documentId, kind, name,
                    PDF.equals(kind) ? "application/pdf" : "application/xml", bytes);
        });
    }

    /**
     * Renders a file, or waits for the render already running for it: the invoice mail and the first
     * download usually ask for a new invoice's PDF at the same moment, and a PDF/A-3 costs tens of
     * milliseconds of CPU. Across instances the archive keeps the first file stored.
     */
    private byte[] renderOnce(ShopId shop, InvoiceDocument doc, String kind) {
        String key = shop.value() + "/" + doc.id() + "/" + kind;
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = rendering.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw failed;
            }
        }
        try {
            byte[] bytes = render(doc, kind);
            mine.complete(bytes);
            return bytes;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    private byte[] render(InvoiceDocument doc, String kind) {
        try {
            return PDF.equals(kind) ? renderer.pdf(doc, new Branding(doc.seller().name(), Branding.DEFAULT_ACCENT, null))
                    : renderer.xrechnung(doc);
        } catch (IllegalArgumentException incomplete) {
            // The document lacks what the format demands (e.g. XRechnung needs the seller's phone and e-mail).
            throw new Problem(HttpStatus.CONFLICT, "document-incomplete", "Document cannot be produced",
                    incomplete.getMessage());
        }
    }
}
