package org.o2c.web;

import org.o2c.shared.Problem;
import org.o2c.shops.Access;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in and the one-time owner set-up page. */
@Controller
class LoginPages {
    private final Access access;

    LoginPages(Access access) {
        this.access = access;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/setup")
    String setup(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("valid", access.isSetupTokenValid(token));
        return "setup";
    }

    @PostMapping("/setup")
    String completeSetup(@RequestParam String token, @RequestParam String username,
            @RequestParam(required = false) String displayName, @RequestParam String password, Model model) {
        try {
            access.completeSetup(token, username, displayName, password);
            return "redirect:/login?setup";
        } catch (Problem p) {
            model.addAttribute("token", token);
            model.addAttribute("valid", access.isSetupTokenValid(token));
            model.addAttribute("errors", p.errors());
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            return "setup";
        }
    }
}
