package org.o2c.web;

import org.o2c.fulfillment.Cartons;
import org.o2c.fulfillment.Shipments;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.o2c.shared.ShopId;
import org.o2c.shared.TimeConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Shipping in the back-office: the parcels that left with where they stand, and the shop's standard cartons. */
@Controller
class ShippingPages {
    private final Shipments shipments;
    private final Cartons cartons;
    private final MessageSource messages;

    ShippingPages(Shipments shipments, Cartons cartons, MessageSource messages) {
        this.shipments = shipments;
        this.cartons = cartons;
        this.messages = messages;
    }

    @GetMapping("/shipping")
    String overview(Model model) {
        ShopId shop = CurrentShop.get();
        model.addAttribute("shipments", shipments.recent(shop, 100));
        model.addAttribute("cartons", cartons.list(shop));
        model.addAttribute("zone", TimeConfiguration.BUSINESS_ZONE);
        return "shipping/overview";
    }

    @PostMapping("/shipping/cartons")
    @PreAuthorize("hasAnyRole('OWNER','WAREHOUSE')")
    String saveCarton(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer lengthMm, @RequestParam(required = false) Integer widthMm,
            @RequestParam(required = false) Integer heightMm, @RequestParam(required = false) Integer maxWeightGrams,
            @RequestParam(required = false) Integer tareGrams, RedirectAttributes flash) {
        try {
            cartons.put(CurrentShop.get(), code, new Cartons.CartonInput(name, lengthMm, widthMm, heightMm,
                    maxWeightGrams, tareGrams));
            flash.addFlashAttribute("flash", messages.getMessage("shipping.carton.saved", new Object[] {code},
                    LocaleContextHolder.getLocale()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", p.errors());
        }
        return "redirect:/shipping";
    }
}
