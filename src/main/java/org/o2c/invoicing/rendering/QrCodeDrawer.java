package org.o2c.invoicing.rendering;

import com.google.zxing.common.BitMatrix;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Draws the EPC QR code of an {@code <object type="application/x-o2c-epc-qr">} whose text is the
 * payload (text, not an attribute: XML turns the line breaks of an attribute into spaces), as black
 * vector squares filling the object's box. Sharp on screen and paper at any size, and far cheaper than a
 * picture (which would be drawn, PNG-encoded, decoded and compressed again for every invoice).
 */
final class QrCodeDrawer implements FSObjectDrawer {

    static final String CONTENT_TYPE = "application/x-o2c-epc-qr";

    @Override
    public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
            OutputDevice outputDevice, RenderingContext ctx, int dotsPerPixel) {
        BitMatrix modules = GiroCode.modules(e.getTextContent());
        double module = Math.min(width / modules.getWidth(), height / modules.getHeight());
        Path2D.Double dark = new Path2D.Double();
        for (int row = 0; row < modules.getHeight(); row++) {
            for (int col = 0; col < modules.getWidth(); col++) {
                if (modules.get(col, row)) {
                    dark.append(new Rectangle2D.Double(x + col * module, y + row * module, module, module),
                            false);
                }
            }
        }
        outputDevice.setColor(FSRGBColor.BLACK);
        outputDevice.fill(dark);
        return null;
    }
}
