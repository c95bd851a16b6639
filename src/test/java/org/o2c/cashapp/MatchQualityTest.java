package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.o2c.shared.Money;

/**
 * The quality target on generated statements with known truth: at least 97 % of the payments
 * that belong to invoices are applied automatically and correctly, and at most 0.2 % of automatic
 * applications are wrong. Lines are matched in booking order and automatic results are applied to the
 * index and teach the payer's IBAN, as cash application does.
 *
 * <p>Regenerate {@code docs/cash-application-quality.md}:
 * {@code mvn -o -Dtest=MatchQualityTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Do2c.quality.report=docs/cash-application-quality.md test}
 */
class MatchQualityTest {

    static final long SEED = 20260604L;
    static final int CUSTOMERS = 1500;
    static final int LINES = 6000;
    static final int UNPAID_BACKGROUND = 3000;

    /** Counts per case. */
    static final class Tally {
        int lines;
        int automaticCorrect;
        int automaticWrong;
        int suggestedRight;
        int suggestedOther;
        int unmatched;
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal automaticCorrectValue = BigDecimal.ZERO;

        void add(Tally t) {
            lines += t.lines;
            automaticCorrect += t.automaticCorrect;
            automaticWrong += t.automaticWrong;
            suggestedRight += t.suggestedRight;
            suggestedOther += t.suggestedOther;
            unmatched += t.unmatched;
            value = value.add(t.value);
            automaticCorrectValue = automaticCorrectValue.add(t.automaticCorrectValue);
        }
    }

    record Result(Map<StatementGenerator.Case, Tally> byCase, Tally belonging, Tally all,
                  List<String> wrongExamples) {}

    static Result run() {
        return run(SEED);
    }

    static Result run(long seed) {
        StatementGenerator.Scenario scenario = StatementGenerator.generate(seed, CUSTOMERS, LINES, UNPAID_BACKGROUND);
        OpenItemIndex index = new OpenItemIndex(scenario.receivables());
        PayerMemory.InMemory memory = new PayerMemory.InMemory();
        Matcher matcher = new Matcher(MatchingPolicy.defaults());
        Map<StatementGenerator.Case, Tally> byCase = new EnumMap<>(StatementGenerator.Case.class);
        List<String> wrong = new java.util.ArrayList<>();
        for (StatementGenerator.Line line : scenario.lines()) {
            Proposal p = matcher.match(line.transaction(), index, memory);
            Tally t = byCase.computeIfAbsent(line.kind(), k -> new Tally());
            t.lines++;
            t.value = t.value.add(line.transaction().amount().amount());
            boolean right = sameAllocations(p, line.truth());
            switch (p.band()) {
                case AUTOMATIC -> {
                    if (right) {
                        t.automaticCorrect++;
                        t.automaticCorrectValue = t.automaticCorrectValue.add(line.transaction().amount().amount());
                    } else {
                        t.automaticWrong++;
                        if (wrong.size() < 20) {
                            wrong.add(line.kind() + ": \"" + line.transaction().remittanceInfo() + "\" from "
                                    + line.transaction().counterpartyName() + " " + line.transaction().amount().toPlainString()
                                    + " → " + p.allocations() + " " + p.reasons() + " truth " + line.truth());
                        }
                    }
                    apply(index, memory, line, p);
                }
                case SUGGESTED -> {
                    if (right) {
                        t.suggestedRight++;
                    } else {
                        t.suggestedOther++;
                    }
                }
                case UNMATCHED -> t.unmatched++;
            }
        }
        Tally belonging = new Tally();
        Tally all = new Tally();
        byCase.forEach((k, t) -> {
            all.add(t);
            if (k.belongsToInvoices()) {
                belonging.add(t);
            }
        });
        return new Result(byCase, belonging, all, wrong);
    }

    private static void apply(OpenItemIndex index, PayerMemory.InMemory memory, StatementGenerator.Line line, Proposal p) {
        for (int i = 0; i < p.allocations().size(); i++) {
            Proposal.Allocation a = p.allocations().get(i);
            Money applied = i == p.allocations().size() - 1 ? a.amount().add(p.writeOff()) : a.amount();
            index.applied(a.invoiceNumber(), applied);
            OpenItemIndex.Item item = index.item(a.invoiceNumber());
            if (item != null && item.customerNumber() != null) {
                memory.learnIban(line.transaction().counterpartyIban(), item.customerNumber());
            }
        }
    }

    /** Whether the proposal applies exactly the truth: the same invoices with the same cash. */
    static boolean sameAllocations(Proposal p, Map<String, Money> truth) {
        if (p.allocations().size() != truth.size()) {
            return false;
        }
        Map<String, BigDecimal> proposed = new HashMap<>();
        for (Proposal.Allocation a : p.allocations()) {
            proposed.merge(a.invoiceNumber(), a.amount().amount(), BigDecimal::add);
        }
        for (Map.Entry<String, Money> e : truth.entrySet()) {
            BigDecimal got = proposed.get(e.getKey());
            if (got == null || got.compareTo(e.getValue().amount()) != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void at_least_97_percent_of_payments_are_applied_automatically_and_at_most_0_2_percent_of_applications_are_wrong()
            throws IOException {
        Result r = run();
        String report = report(r);
        System.out.println(report);
        String target = System.getProperty("o2c.quality.report");
        if (target != null && !target.isBlank()) {
            Files.writeString(Path.of(target), report + otherSeeds() + LIMITS);
        }
        int automatic = r.all().automaticCorrect + r.all().automaticWrong;
        assertThat(percent(r.belonging().automaticCorrect, r.belonging().lines))
                .as("automatic and correct among payments that belong to invoices")
                .isGreaterThanOrEqualTo(new BigDecimal("97.00"));
        assertThat(percent(r.all().automaticWrong, automatic))
                .as("wrong among automatic applications; first ones: %s", r.wrongExamples())
                .isLessThanOrEqualTo(new BigDecimal("0.20"));
    }

    /** The same measures on other seeds, so the report shows the rates are not one lucky draw. */
    static String otherSeeds() {
        StringBuilder b = new StringBuilder("\n## Other seeds\n\n| seed | automatic and correct | wrong among automatic |\n"
                + "| ---: | ---: | ---: |\n");
        for (long seed = 1; seed <= 4; seed++) {
            Result r = run(seed);
            int automatic = r.all().automaticCorrect + r.all().automaticWrong;
            b.append("| ").append(seed).append(" | ").append(percent(r.belonging().automaticCorrect, r.belonging().lines))
                    .append(" % | ").append(percent(r.all().automaticWrong, automatic)).append(" % (")
                    .append(r.all().automaticWrong).append(" of ").append(automatic).append(") |\n");
        }
        return b.toString();
    }

    static final String LIMITS = """

            ## What this does not show

            - The generator is ours, and so is the matcher: the mix of cases (29 % exact references, 11 % noisy,
              5 % typos, 9 % order numbers, 7 % known account without reference, 4 % name and amount only, …)
              is an estimate for a Vorkasse/Rechnung shop, not a measurement. Real statements will differ; the
              per-case rates say where to look when they do.
            - The remaining wrong automatic applications are strangers whose name equals a customer's exactly
              and whose amount equals that customer's only open item. Only a known account or a reference would
              tell them apart; raising `automaticFromPerMille` to 860 turns name-and-amount matches (and
              numbers read from look-alike letters without a confirmed payer) into suggestions.
            - Payers who pay a different amount and write nothing (no reference, new account) stay suggestions.
            - A payer who quotes the number of a *paid* invoice gets a suggestion (possible double payment).
            - A line counts as correct when it applies the right cash to the right invoices; whether a
              small difference was written off or left open is checked by the unit tests, not counted here.
            """;

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    static String report(Result r) {
        StringBuilder b = new StringBuilder();
        b.append("# Cash application quality\n\n")
                .append("Generated by `MatchQualityTest` (seed ").append(SEED).append(", ").append(CUSTOMERS)
                .append(" customers, ").append(LINES).append(" credit lines, ").append(UNPAID_BACKGROUND)
                .append(" further open invoices nobody pays). Regenerate with\n\n")
                .append("```\nmvn -o -Dtest=MatchQualityTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs "
                        + "-Do2c.quality.report=$PWD/docs/cash-application-quality.md test\n```\n\n")
                .append("The statements come from `StatementGenerator` (test sources): a small German shop with ")
                .append("invoice numbers `RE-2026-nnnnn`, order numbers `1nnnnn`, customer numbers `1nnnn`, ")
                .append("realistic remittance texts and payer-name variants. Lines are matched in booking order; ")
                .append("automatic applications update the open items and teach the payer's IBAN.\n\n");
        int automatic = r.all().automaticCorrect + r.all().automaticWrong;
        b.append("## Targets\n\n| measure | value | target |\n| --- | ---: | ---: |\n")
                .append("| payments belonging to invoices applied automatically and correctly (per line) | ")
                .append(percent(r.belonging().automaticCorrect, r.belonging().lines)).append(" % | ≥ 97 % |\n")
                .append("| the same, per value | ")
                .append(r.belonging().value.signum() == 0 ? BigDecimal.ZERO : r.belonging().automaticCorrectValue
                        .multiply(BigDecimal.valueOf(100)).divide(r.belonging().value, 2, RoundingMode.HALF_UP))
                .append(" % | |\n")
                .append("| automatic applications that are wrong | ").append(percent(r.all().automaticWrong, automatic))
                .append(" % (").append(r.all().automaticWrong).append(" of ").append(automatic).append(") | ≤ 0.2 % |\n\n");
        b.append("## Per case\n\n")
                .append("| case | lines | automatic, correct | automatic, wrong | suggested (right proposal) | ")
                .append("suggested (other) | unmatched | automatic rate |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        r.byCase().forEach((k, t) -> b.append("| ").append(k.name()).append(" | ").append(t.lines).append(" | ")
                .append(t.automaticCorrect).append(" | ").append(t.automaticWrong).append(" | ")
                .append(t.suggestedRight).append(" | ").append(t.suggestedOther).append(" | ").append(t.unmatched)
                .append(" | ").append(percent(t.automaticCorrect, t.lines)).append(" % |\n"));
        b.append("\nFor the two `UNRELATED_*` cases (credits that pay no invoice) the right outcome is no ")
                .append("application: any automatic one is wrong, a suggestion is there for a person to dismiss.\n");
        if (!r.wrongExamples().isEmpty()) {
            b.append("\n## Wrong automatic applications\n\n");
            r.wrongExamples().forEach(w -> b.append("- ").append(w.replace("|", "\\|")).append('\n'));
        }
        return b.toString();
    }
}
