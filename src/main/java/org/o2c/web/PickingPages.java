package org.o2c.web;



import java.util.stream.Collectors;
import org.o2c.fulfillment.PickWave;
import org.o2c.fulfillment.PickWaves;
import org.o2c.fulfillment.Picking;
import org.o2c.shared.CurrentShop;
import org.o2c.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The picking screen, made for a phone or a scanner with a keyboard wedge: open a wave, walk its stops, scan
 * the bin, scan each item; wrong scans are refused loudly, short picks reported.
 */
@Controller
@PreAuthorize("hasAnyRole('OWNER','WAREHOUSE')")
class PickingPages {
    private final PickWaves waves;
    private final Picking picking;
    private final MessageSource messages;

    PickingPages(PickWaves waves, Picking picking, MessageSource messages) {
        this.waves = waves;
        this.picking = picking;
        this.messages = messages;
    }

    @GetMapping("/picking")
    String list(Model model) {
        model.addAttribute("waves", waves.list(CurrentShop.get(), PickWave.OPEN, 100));
        return "picking/list";
    }

    @PostMapping("/picking/form")
    String form(RedirectAttributes flash) {
        PickWaves.Formed formed = waves.formWaves(CurrentShop.get(), 20);
        flash.addFlashAttribute("flash", text("picking.formed", formed.waves().size(), formed.skipped().size()));
        return "redirect:/picking";
    }

    @GetMapping("/picking/{id}")
    String wave(@PathVariable String id, @RequestParam(required = false) Integer bin, Model model) {
        PickWave wave = waves.get(CurrentShop.get(), id);
        PickWave.Stop stop = Picking.current(wave).orElse(null);
        model.addAttribute("wave", wave);
        model.addAttribute("stop", stop);
        model.addAttribute("binConfirmed", stop != null && bin != null && bin == stop.no());
        model.addAttribute("toteOrder", wave.totes().stream()
                .collect(Collectors.toMap(PickWave.Tote::number, PickWave.Tote::orderNumber)));
        model.addAttribute("settled", wave.stops().stream().filter(PickWave.Stop::settled).count());
        return "picking/wave";
    }

    @PostMapping("/picking/{id}/bin")
    String scanBin(@PathVariable String id, @RequestParam int stop, @RequestParam(required = false) String code,
            RedirectAttributes flash) {
        return act(id, stop, flash, () -> picking.scanBin(CurrentShop.get(), id, stop, code), code);
    }

    @PostMapping("/picking/{id}/item")
    String scanItem(@PathVariable String id, @RequestParam int stop, @RequestParam(required = false) String code,
            RedirectAttributes flash) {
        return act(id, stop, flash, () -> picking.scanItem(CurrentShop.get(), id, stop, code), code);
    }

    @PostMapping("/picking/{id}/short")
    String reportShort(@PathVariable String id, @RequestParam int stop, RedirectAttributes flash) {
        return act(id, stop, flash, () -> picking.reportShort(CurrentShop.get(), id, stop), null);
    }

    private String act(String id, int stop, RedirectAttributes flash, java.util.function.Supplier<Picking.Result> action,
            String code) {
        Picking.Result r;
        try {
            r = action.get();
        } catch (Problem p) {
            flash.addFlashAttribute("scanError", p.getMessage());
            return "redirect:/picking/" + id;
        }
        String scanned = code == null ? "" : code.strip();
        switch (r.outcome()) {
            case WRONG_BIN -> flash.addFlashAttribute("scanError", text("picking.wrongBin", scanned));
            case WRONG_ITEM -> flash.addFlashAttribute("scanError", text("picking.wrongItem", scanned));
            case NOT_A_GTIN -> flash.addFlashAttribute("scanError", text("picking.notGtin", scanned));
            case STOP_DONE -> flash.addFlashAttribute("flash", text("picking.stopDone"));
            case SHORT_REPORTED -> flash.addFlashAttribute("flash", text("picking.shortReported"));
            case WAVE_DONE -> flash.addFlashAttribute("flash", text("picking.waveDone"));
            default -> { }
        }
        boolean stayAtBin = switch (r.outcome()) {
            case BIN_CONFIRMED, PICKED, WRONG_ITEM, NOT_A_GTIN -> true;
            default -> false;
        };
        return "redirect:/picking/" + id + (stayAtBin ? "?bin=" + stop : "");
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

}
