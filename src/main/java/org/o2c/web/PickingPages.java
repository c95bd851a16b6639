package org.o2c.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.o2c.fulfillment.PickWave;
import org.o2c.fulfillment.PickWaves;
import org.o2c.fulfillment.Picking;
import org.o2c.fulfillment.ShortPicks;
import org.o2c.fulfillment.WaveSettings;
import org.o2c.shared.ShopId;
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
    private final ShortPicks shortPicks;

    PickingPages(PickWaves waves, Picking picking, MessageSource messages, ShortPicks shortPicks) {
        this.shortPicks = shortPicks;
        this.waves = waves;
        this.picking = picking;
        this.messages = messages;
    }

    @GetMapping("/picking")
    String list(Model model) {
        ShopId shop = CurrentShop.get();
        model.addAttribute("waves", waves.list(shop, PickWave.OPEN, 100));
        model.addAttribute("shortPicks", shortPicks.list(shop, ShortPicks.OPEN, 100));
        model.addAttribute("resolutions", ShortPicks.RESOLUTIONS);
        WaveSettings settings = waves.settings(shop);
        model.addAttribute("settings", settings);
        model.addAttribute("carrierCutOffs", settings.carrierCutOffs().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        model.addAttribute("firstByChoices", java.util.List.of(WaveSettings.CUT_OFF, WaveSettings.CARRIER,
                WaveSettings.DISTANCE));
        return "picking/list";
    }

    /** The shop's wave and promise settings; carrier cut-offs are typed as {@code DPD=12:00, GLS=15:30}. */
    @PostMapping("/picking/settings")
    @PreAuthorize("hasRole('OWNER')")
    String settings(@RequestParam(required = false) Integer ordersPerWave,
            @RequestParam(required = false) Integer itemsPerCart, @RequestParam(required = false) String firstBy,
            @RequestParam(required = false) String cutOff, @RequestParam(required = false) Integer shipWithinDays,
            @RequestParam(required = false) String defaultCarrier,
            @RequestParam(required = false) String carrierCutOffs, RedirectAttributes flash) {
        try {
            Map<String, String> cutOffs = new LinkedHashMap<>();
            if (carrierCutOffs != null) {
                for (String part : carrierCutOffs.split("[,;\\n]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] kv = part.split("=", 2);
                    if (kv.length != 2) {
                        throw Problem.invalid("carrierCutOffs", text("picking.settings.cutOffsFormat"));
                    }
                    cutOffs.put(kv[0].strip(), kv[1].strip());
                }
            }
            waves.putSettings(CurrentShop.get(), new PickWaves.SettingsInput(ordersPerWave, itemsPerCart, firstBy,
                    cutOff, shipWithinDays, defaultCarrier, cutOffs));
            flash.addFlashAttribute("flash", text("picking.settings.saved"));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", errors(p));
        }
        return "redirect:/picking";
    }

    @PostMapping("/picking/short-picks/{id}/resolve")
    String resolve(@PathVariable String id, @RequestParam(required = false) String resolution,
            @RequestParam(required = false) String bin, @RequestParam(required = false) Integer counted,
            @RequestParam(required = false) String reason, RedirectAttributes flash) {
        try {
            ShortPicks.ShortPick sp = shortPicks.resolve(CurrentShop.get(), id, new ShortPicks.Resolution(resolution,
                    bin == null || bin.isBlank() ? null : bin, counted, reason));
            flash.addFlashAttribute("flash", text("picking.short.resolved", sp.orderNumber()));
        } catch (Problem p) {
            flash.addFlashAttribute("errors", errors(p));
        }
        return "redirect:/picking";
    }

    private static java.util.List<Problem.FieldError> errors(Problem p) {
        return p.errors().isEmpty() ? java.util.List.of(new Problem.FieldError("", p.getMessage())) : p.errors();
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
