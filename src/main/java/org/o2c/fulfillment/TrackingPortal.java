package org.o2c.fulfillment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.o2c.orders.OrderIntake;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shops.CompanySettings;
import org.o2c.shops.Shops;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's public tracking page behind the signed link in every shipping mail: the timeline, the
 * expected delivery date, and until the carrier has the parcel, forms to correct the address or leave a
 * delivery preference. The forms carry the link's signature in their body: a page on another site cannot
 * know it, so it cannot post on the customer's behalf (the link is the customer's only credential).
 */
@Controller
class TrackingPortal {
    private final Shipments shipments;
    private final Shops shops;

    TrackingPortal(Shipments shipments, Shops shops) {
        this.shipments = shipments;
        this.shops = shops;
    }

    @GetMapping("/portal/tracking/{id}")
    String show(@PathVariable String id, @RequestParam(required = false) Long exp,
            @RequestParam(required = false) String sig, @RequestParam(required = false) String saved, Model model) {
        ShopId shop = verified(id, exp, sig);
        page(model, shop, shipments.get(shop, id), exp, sig);
        model.addAttribute("saved", "address".equals(saved) || "preference".equals(saved) ? saved : null);
        return "portal/tracking";
    }

    @PostMapping("/portal/tracking/{id}/address")
    String correct(@PathVariable String id, @RequestParam(required = false) Long exp,
            @RequestParam(required = false) String sig, @RequestParam(required = false) String name,
            @RequestParam(required = false) String company, @RequestParam(required = false) String street,
            @RequestParam(required = false) String street2, @RequestParam(required = false) String postalCode,
            @RequestParam(required = false) String city, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ShopId shop = verifiedPost(id, exp, sig, request);
        Shipment s = shipments.get(shop, id);
        try {
            shipments.correctAddress(shop, id, new OrderIntake.Address(name, company, street, street2, postalCode, city,
                    s.shipTo().country()), "customer:" + s.recipient().email());
        } catch (Problem p) {
            return refused(p, model, shop, id, exp, sig, response, new OrderIntake.Address(name, company, street, street2,
                    postalCode, city, s.shipTo().country()));
        }
        return "redirect:/portal/tracking/" + id + "?exp=" + exp + "&sig=" + sig + "&saved=address&lang=" + lang();
    }

    @PostMapping("/portal/tracking/{id}/preference")
    String prefer(@PathVariable String id, @RequestParam(required = false) Long exp,
            @RequestParam(required = false) String sig, @RequestParam(required = false) String preference,
            @RequestParam(required = false) String detail, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        ShopId shop = verifiedPost(id, exp, sig, request);
        Shipment s = shipments.get(shop, id);
        try {
            shipments.choosePreference(shop, id, preference, detail, "customer:" + s.recipient().email());
        } catch (Problem p) {
            return refused(p, model, shop, id, exp, sig, response, null);
        }
        return "redirect:/portal/tracking/" + id + "?exp=" + exp + "&sig=" + sig + "&saved=preference&lang=" + lang();
    }

    private String refused(Problem p, Model model, ShopId shop, String id, Long exp, String sig,
            HttpServletResponse response, OrderIntake.Address typed) {
        if (p.status() != HttpStatus.UNPROCESSABLE_CONTENT && p.status() != HttpStatus.CONFLICT) {
            throw p;
        }
        response.setStatus(p.status().value());
        page(model, shop, shipments.get(shop, id), exp, sig);
        model.addAttribute("errors", p.errors());
        model.addAttribute("refused", p.status() == HttpStatus.CONFLICT);
        if (typed != null) {
            model.addAttribute("typed", typed);
        }
        return "portal/tracking";
    }

    private void page(Model model, ShopId shop, Shipment s, Long exp, String sig) {
        model.addAttribute("shipment", s);
        model.addAttribute("shopName", shops.settings(shop).map(CompanySettings::name).orElse("o2c"));
        model.addAttribute("carrierUrl", Carriers.trackingPage(s.carrier(), s.trackingNumber()));
        boolean carrierLabel = shipments.carrierLabelled(shop, s.id());
        model.addAttribute("carrierLabel", carrierLabel);
        model.addAttribute("changeable", s.status().allowsChanges() && !carrierLabel);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        var times = java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(locale).withZone(org.o2c.shared.TimeConfiguration.BUSINESS_ZONE);
        var dates = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.FULL).withLocale(locale);
        model.addAttribute("timeline", s.events().stream().map(e -> new Step(e.status().name(), times.format(e.occurredAt()),
                e.location(), e.description())).toList());
        model.addAttribute("expected", dates.format(s.expectedDelivery()));
        model.addAttribute("handedOverAt", s.events().stream().filter(e -> e.status() != TrackingStatus.LABEL_CREATED)
                .reduce((a, b) -> b).map(e -> times.format(e.occurredAt())).orElse(""));
        model.addAttribute("address", s.shipTo());
        model.addAttribute("preferences", List.of(DeliveryPreference.values()));
        model.addAttribute("exp", exp);
        model.addAttribute("sig", sig);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
    }

    private static String lang() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
    }

    /** One line of the timeline as the page shows it. */
    record Step(String status, String at, String location, String description) {}

    private ShopId verified(String id, Long exp, String sig) {
        if (exp == null || sig == null || id.length() > 36 || !shipments.verifyLink(id, exp, sig)) {
            throw new InvalidLink();
        }
        return shipments.shopOf(id).orElseThrow(InvalidLink::new);
    }

    private ShopId verifiedPost(String id, Long exp, String sig, HttpServletRequest request) {
        // Browsers say where a form post came from; a post from another site is refused even with the signature.
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            throw new Problem(HttpStatus.FORBIDDEN, "cross-site", "Forbidden", "forms of this page are posted from it only");
        }
        return verified(id, exp, sig);
    }

    /** Answered 404 like an unknown page: a forged or expired link reveals nothing. */
    static class InvalidLink extends Problem {
        InvalidLink() {
            super(HttpStatus.NOT_FOUND, "invalid-link", "Invalid link", "this link is invalid or expired");
        }
    }
}
