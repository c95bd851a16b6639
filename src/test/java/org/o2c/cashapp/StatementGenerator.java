package org.o2c.cashapp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.o2c.banking.BankTransaction;
import org.o2c.banking.CreditDebit;
import org.o2c.banking.TransactionKind;
import org.o2c.invoicing.CreditorReference;
import org.o2c.shared.Money;
import org.o2c.shared.ShopId;

/**
 * Realistic bank statements of a small German online shop, with the truth behind every line: which
 * invoices a credit pays and with how much (nothing for credits that belong to no invoice). Seeded, so
 * every run produces the same lines. The mix of cases follows what a Vorkasse/Rechnung shop sees: most
 * payers copy the invoice number, many mangle it, some quote the order number or nothing at all, a few
 * pay several invoices at once, pay part, deduct fees or Skonto, let someone else pay, or pay too much;
 * and among the credits are strangers whose amount happens to equal an open invoice.
 */
final class StatementGenerator {

    /** What kind of payment a line is; the report counts rates per case. */
    enum Case {
        EXACT_REFERENCE, NOISY_REFERENCE, TYPO_REFERENCE, ORDER_NUMBER, CREDITOR_REFERENCE, END_TO_END_ID,
        KNOWN_IBAN_NO_REFERENCE, NAME_AND_AMOUNT_ONLY, COMBINED_LISTED, COMBINED_BY_CUSTOMER_NUMBER,
        COMBINED_UNLISTED, PARTIAL, FEE_DEDUCTED, SKONTO, THIRD_PARTY, OVERPAYMENT,
        UNRELATED_SAME_AMOUNT, UNRELATED_OTHER;

        boolean belongsToInvoices() {
            return this != UNRELATED_SAME_AMOUNT && this != UNRELATED_OTHER;
        }
    }

    /** One credit with its truth: the cash each invoice receives (empty when it pays no invoice). */
    record Line(BankTransaction transaction, Case kind, Map<String, Money> truth) {}

    record Scenario(List<Receivable> receivables, List<Line> lines) {}

    private static final ShopId SHOP = ShopId.DEFAULT;
    private static final String[] FIRST = {"Hans", "Erika", "Thomas", "Sabine", "Michael", "Petra", "Andreas",
        "Monika", "Stefan", "Ursula", "Jürgen", "Claudia", "Jörg", "Birgit", "Uwe", "Susanne", "Klaus", "Andrea",
        "Frank", "Karin", "Matthias", "Gabriele", "Markus", "Heike", "Sören", "Anja", "Björn", "Jana", "Lukas",
        "Lea", "Jonas", "Hannah", "Felix", "Marie", "Maximilian", "Sophie", "Günter", "Käthe", "Dörte", "Ralf"};
    private static final String[] LAST = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
        "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
        "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß",
        "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler",
        "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm",
        "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
        "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler",
        "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold",
        "Wolff", "Pfeiffer", "Großmann", "Nußbaum", "Öztürk", "Yılmaz", "Kowalski", "Nowak", "Ehrlich"};
    private static final String[] TRADES = {"Blumen", "Elektro", "Bäckerei", "Praxis", "Kanzlei", "Werkstatt",
        "Café", "Autohaus", "Friseursalon", "Tischlerei", "Apotheke", "Weinhandel"};
    private static final String[] FORMS = {"GmbH", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)", "OHG"};
    private static final String[] PRICES = {"9.95", "12.50", "14.99", "19.99", "24.90", "29.95", "34.50", "39.00",
        "49.90", "59.00", "79.95", "89.00", "129.00", "149.00", "199.00"};
    private static final String[] STRANGER_TEXTS = {"Miete Garage Juni", "Erstattung Nebenkosten",
        "Rückzahlung Darlehen", "Gutschrift Versicherung", "Kaution zurück", "Umbuchung", "Taschengeld",
        "Spende", "Bonuszahlung", "Zinsen", "Erstattung Finanzamt", ""};

    private record Customer(String number, String name, boolean company, String iban, boolean known,
                            boolean skontoTerms) {}

    private final Random random;
    private final LocalDate statementStart;
    private final List<Customer> customers = new ArrayList<>();
    private final List<Receivable> receivables = new ArrayList<>();
    private final Map<String, Customer> customerOf = new LinkedHashMap<>();
    private int nextInvoice = 1;
    private int nextOrder = 100001;

    private StatementGenerator(long seed, LocalDate statementStart) {
        this.random = new Random(seed);
        this.statementStart = statementStart;
    }

    static Scenario generate(long seed, int customerCount, int lineCount, int unpaidBackground) {
        return new StatementGenerator(seed, LocalDate.of(2026, 6, 1)).build(customerCount, lineCount, unpaidBackground);
    }

    private Scenario build(int customerCount, int lineCount, int unpaidBackground) {
        for (int i = 0; i < customerCount; i++) {
            boolean company = random.nextInt(10) == 0;
            String last = pick(LAST);
            String name = company ? pick(TRADES) + " " + last + " " + pick(FORMS) : pick(FIRST) + " " + last;
            customers.add(new Customer(Integer.toString(10001 + i), name, company, iban(),
                    random.nextInt(100) < 60, company && random.nextBoolean()));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(line(i));
        }
        // Invoices nobody pays in this statement: the haystack in which decoys and typos can land.
        for (int i = 0; i < unpaidBackground; i++) {
            invoice(pickCustomer(), null);
        }
        lines.sort(Comparator.comparing((Line l) -> l.transaction().bookingDate()).thenComparing(l -> l.transaction().id()));
        return new Scenario(List.copyOf(receivables), List.copyOf(lines));
    }

    private Line line(int n) {
        int roll = random.nextInt(1000);
        Case kind = roll < 290 ? Case.EXACT_REFERENCE
                : roll < 400 ? Case.NOISY_REFERENCE
                : roll < 450 ? Case.TYPO_REFERENCE
                : roll < 540 ? Case.ORDER_NUMBER
                : roll < 570 ? Case.CREDITOR_REFERENCE
                : roll < 590 ? Case.END_TO_END_ID
                : roll < 660 ? Case.KNOWN_IBAN_NO_REFERENCE
                : roll < 700 ? Case.NAME_AND_AMOUNT_ONLY
                : roll < 725 ? Case.COMBINED_LISTED
                : roll < 735 ? Case.COMBINED_BY_CUSTOMER_NUMBER
                : roll < 750 ? Case.COMBINED_UNLISTED
                : roll < 790 ? Case.PARTIAL
                : roll < 820 ? Case.FEE_DEDUCTED
                : roll < 845 ? Case.SKONTO
                : roll < 885 ? Case.THIRD_PARTY
                : roll < 905 ? Case.OVERPAYMENT
                : roll < 965 ? Case.UNRELATED_SAME_AMOUNT
                : Case.UNRELATED_OTHER;
        Customer c = pickCustomer();
        if (kind == Case.KNOWN_IBAN_NO_REFERENCE || kind == Case.COMBINED_UNLISTED) {
            while (!c.known()) {
                c = pickCustomer();
            }
        }
        if (kind == Case.SKONTO) {
            while (!c.skontoTerms()) {
                c = pickCustomer();
            }
        }
        LocalDate booked = statementStart.plusDays(random.nextInt(20));
        String payer = nameVariant(c);
        String iban = c.known() || random.nextBoolean() ? c.iban() : iban();
        String text;
        String e2e = "NOTPROVIDED";
        Map<String, Money> truth = new LinkedHashMap<>();
        BigDecimal paid;
        switch (kind) {
            case EXACT_REFERENCE, NOISY_REFERENCE, TYPO_REFERENCE, ORDER_NUMBER, CREDITOR_REFERENCE, END_TO_END_ID,
                 KNOWN_IBAN_NO_REFERENCE, NAME_AND_AMOUNT_ONLY, THIRD_PARTY -> {
                Receivable r = invoice(c, booked);
                paid = r.gross().amount();
                text = switch (kind) {
                    case EXACT_REFERENCE -> exactText(r, c);
                    case NOISY_REFERENCE -> noisyText(r);
                    case TYPO_REFERENCE -> typoText(r);
                    case ORDER_NUMBER -> orderText(r);
                    case CREDITOR_REFERENCE -> rfText(r);
                    case END_TO_END_ID -> pick(new String[] {"Online-Ueberweisung", "Zahlung", "Ihr Einkauf"});
                    case THIRD_PARTY -> random.nextBoolean() ? exactText(r, c) : orderText(r);
                    default -> pick(new String[] {"", "Danke", "Zahlung", "Überweisung", "Vielen Dank!",
                        "Einkauf Onlineshop", pick(FIRST) + " " + lastName(c)});
                };
                if (kind == Case.END_TO_END_ID) {
                    e2e = random.nextBoolean() ? r.orderNumber() : "E2E-" + r.invoiceNumber();
                }
                if (kind == Case.KNOWN_IBAN_NO_REFERENCE) {
                    iban = c.iban();
                }
                if (kind == Case.NAME_AND_AMOUNT_ONLY) {
                    iban = iban();
                }
                if (kind == Case.THIRD_PARTY) {
                    payer = random.nextBoolean() ? pick(FIRST) + " " + pick(LAST)
                            : "Steuerbüro " + pick(LAST) + " " + pick(FORMS);
                    iban = iban();
                }
                truth.put(r.invoiceNumber(), r.gross());
            }
            case COMBINED_LISTED, COMBINED_BY_CUSTOMER_NUMBER, COMBINED_UNLISTED -> {
                int parts = 2 + random.nextInt(2);
                List<Receivable> rs = new ArrayList<>();
                paid = BigDecimal.ZERO;
                for (int i = 0; i < parts; i++) {
                    Receivable r = invoice(c, booked);
                    rs.add(r);
                    paid = paid.add(r.gross().amount());
                    truth.put(r.invoiceNumber(), r.gross());
                }
                text = switch (kind) {
                    case COMBINED_LISTED -> listedText(rs);
                    case COMBINED_BY_CUSTOMER_NUMBER -> pick(new String[] {"Kd-Nr. ", "Kunde ", "KNR ", "Kundennummer "})
                            + c.number() + pick(new String[] {" Sammelzahlung", " Rechnungen Mai", "", " danke"});
                    default -> pick(new String[] {"Sammelüberweisung", "Rechnungen Mai", "offene Rechnungen", ""});
                };
                if (kind == Case.COMBINED_UNLISTED) {
                    iban = c.iban();
                }
            }
            case PARTIAL -> {
                Receivable r = invoice(c, booked, "80.00");
                paid = r.gross().amount().multiply(BigDecimal.valueOf(30 + random.nextInt(41)))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN);
                text = pick(new String[] {"Teilzahlung ", "1. Rate ", "Anzahlung ", "Rate 1/2 "}) + r.invoiceNumber();
                truth.put(r.invoiceNumber(), eur(paid));
            }
            case FEE_DEDUCTED -> {
                Receivable r = invoice(c, booked);
                BigDecimal fee = new BigDecimal(pick(new String[] {"0.35", "0.50", "1.00", "1.50", "2.00"}));
                paid = r.gross().amount().subtract(fee);
                text = exactText(r, c);
                truth.put(r.invoiceNumber(), eur(paid));
            }
            case SKONTO -> {
                Receivable r = invoice(c, booked);
                paid = r.gross().amount().multiply(BigDecimal.valueOf(98)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                booked = r.skonto().until().minusDays(random.nextInt(5));
                text = r.invoiceNumber() + pick(new String[] {" abzgl. 2% Skonto", " ./. 2 % Skonto", " Skonto", ""});
                truth.put(r.invoiceNumber(), eur(paid));
            }
            case OVERPAYMENT -> {
                Receivable r = invoice(c, booked);
                paid = r.gross().amount().add(new BigDecimal(pick(new String[] {"4.90", "5.00", "10.00", "0.01", "20.00"})));
                text = exactText(r, c);
                truth.put(r.invoiceNumber(), r.gross());
                iban = c.iban();
                payer = c.name();
            }
            case UNRELATED_SAME_AMOUNT -> {
                // A stranger whose amount equals an open invoice: the classic wrong automatic match.
                Receivable victim = invoice(pickCustomer(), null);
                paid = victim.gross().amount();
                payer = pick(FIRST) + " " + pick(LAST);
                iban = iban();
                text = pick(STRANGER_TEXTS);
            }
            default -> {
                paid = new BigDecimal(random.nextInt(90000) + 100).movePointLeft(2);
                payer = pick(new String[] {"Finanzamt Köln-Mitte", "Vermieter " + pick(LAST), pick(FIRST) + " " + pick(LAST),
                    "DHL Paket GmbH", "Versicherung AG"});
                iban = iban();
                text = pick(STRANGER_TEXTS);
            }
        }
        BankTransaction tx = new BankTransaction(n + 1L, SHOP, 1L, booked, booked, eur(paid), CreditDebit.CRDT,
                TransactionKind.PAYMENT, payer, iban, null, text, e2e, null, "BANKREF" + n, false, null);
        return new Line(tx, kind, truth);
    }

    // ---- invoices ----

    private Receivable invoice(Customer c, LocalDate paidOn) {
        return invoice(c, paidOn, null);
    }

    private Receivable invoice(Customer c, LocalDate paidOn, String atLeast) {
        BigDecimal gross = BigDecimal.ZERO;
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            gross = gross.add(new BigDecimal(pick(PRICES)));
        }
        if (random.nextBoolean()) {
            gross = gross.add(new BigDecimal("4.90"));
        }
        if (atLeast != null && gross.compareTo(new BigDecimal(atLeast)) < 0) {
            gross = gross.add(new BigDecimal(atLeast));
        }
        LocalDate base = paidOn == null ? statementStart.plusDays(random.nextInt(20)) : paidOn;
        LocalDate issued = base.minusDays(2 + random.nextInt(12));
        String number = String.format("RE-2026-%05d", nextInvoice++);
        String order = Integer.toString(nextOrder++);
        Receivable.Skonto skonto = c.skontoTerms()
                ? new Receivable.Skonto(new BigDecimal("2"), issued.plusDays(10)) : null;
        Receivable r = new Receivable(number, order, c.number(), c.name(),
                c.known() ? Set.of(c.iban()) : Set.of(), issued, issued.plusDays(14), eur(gross), eur(gross),
                CreditorReference.of(number), skonto);
        receivables.add(r);
        customerOf.put(number, c);
        return r;
    }

    // ---- what payers write ----

    private String exactText(Receivable r, Customer c) {
        String n = r.invoiceNumber();
        return switch (random.nextInt(8)) {
            case 0 -> n;
            case 1 -> "Rechnung " + n;
            case 2 -> "RE " + n.substring(3) + " Kd " + c.number() + " danke";
            case 3 -> "Rechnungsnr. " + n + " " + c.name();
            case 4 -> "SVWZ+" + n;
            case 5 -> n + " " + nameVariant(c);
            case 6 -> "Re. " + n + ", vielen Dank";
            default -> "Ihre Rechnung " + n + " vom " + r.issueDate().getDayOfMonth() + "." + r.issueDate().getMonthValue() + ".";
        };
    }

    private String noisyText(Receivable r) {
        String year = "2026";
        String serial = r.invoiceNumber().substring(8);
        return switch (random.nextInt(10)) {
            case 0 -> "RE " + year + " " + serial;
            case 1 -> "RG" + year + " " + serial;
            case 2 -> "re" + year + "-" + serial;
            case 3 -> "RE-" + year + "/" + serial;
            case 4 -> year + "-" + serial;
            case 5 -> "Rg.-Nr. " + year + " " + serial;
            case 6 -> "RE" + year + serial;
            case 7 -> "SVWZ+RG" + year + " " + serial + " EREF+NOTPROVIDED";
            case 8 -> "Rechnung Nr " + year.substring(2) + "-" + serial + " bezahlt";
            default -> "RE  " + year + " - " + serial + " DANKE";
        };
    }

    private String typoText(Receivable r) {
        char[] d = r.invoiceNumber().substring(8).toCharArray();
        String serial;
        int kind = random.nextInt(5);
        if (kind == 0) {
            int i = 2 + random.nextInt(2);
            char t = d[i];
            d[i] = d[i + 1];
            d[i + 1] = t;
            serial = new String(d);
        } else if (kind == 1) {
            int i = random.nextInt(d.length);
            serial = new String(d, 0, i) + new String(d, i + 1, d.length - i - 1);
        } else if (kind == 2) {
            serial = new String(d).replace('0', 'O');
        } else if (kind == 3) {
            int i = 2 + random.nextInt(3);
            d[i] = (char) ('0' + (d[i] - '0' + 1 + random.nextInt(9)) % 10);
            serial = new String(d);
        } else {
            serial = new String(d) + d[d.length - 1];
        }
        return pick(new String[] {"RE-2026-", "Rechnung 2026-", "RE 2026 ", "RG2026"}) + serial;
    }

    private String orderText(Receivable r) {
        return pick(new String[] {"Bestellung ", "Bestellnr. ", "Auftrag ", "Order ", "Best.-Nr. ", "Bestellung Nr. "})
                + r.orderNumber() + pick(new String[] {"", " danke", " " + pick(FIRST), " Onlineshop"});
    }

    private String rfText(Receivable r) {
        String rf = r.creditorReference();
        if (random.nextBoolean()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < rf.length(); i += 4) {
                b.append(rf, i, Math.min(rf.length(), i + 4)).append(' ');
            }
            return b.toString().trim();
        }
        return rf;
    }

    private String listedText(List<Receivable> rs) {
        StringBuilder b = new StringBuilder(random.nextBoolean() ? "Rechnungen " : "");
        for (int i = 0; i < rs.size(); i++) {
            if (i > 0) {
                b.append(random.nextBoolean() ? ", " : " und ");
            }
            b.append(random.nextBoolean() ? rs.get(i).invoiceNumber() : rs.get(i).invoiceNumber().substring(3));
        }
        return b.toString();
    }

    private String nameVariant(Customer c) {
        String name = c.name();
        if (c.company()) {
            return random.nextBoolean() ? name.toUpperCase(java.util.Locale.GERMAN) : name;
        }
        String[] parts = name.split(" ");
        String first = parts[0];
        String last = parts[1];
        String foldedUpper = (first + " " + last).toUpperCase(java.util.Locale.GERMAN)
                .replace("Ä", "AE").replace("Ö", "OE").replace("Ü", "UE").replace("ß", "SS");
        return switch (random.nextInt(7)) {
            case 0 -> last + ", " + first;
            case 1 -> foldedUpper;
            case 2 -> first.charAt(0) + ". " + last;
            case 3 -> first + " und " + pick(FIRST) + " " + last;
            case 4 -> last.toUpperCase(java.util.Locale.GERMAN) + " " + first.toUpperCase(java.util.Locale.GERMAN);
            default -> name;
        };
    }

    private static String lastName(Customer c) {
        String[] parts = c.name().split(" ");
        return parts[parts.length - 1];
    }

    private Customer pickCustomer() {
        return customers.get(random.nextInt(customers.size()));
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String iban() {
        StringBuilder b = new StringBuilder("DE");
        for (int i = 0; i < 20; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    private static Money eur(BigDecimal amount) {
        return new Money(amount.setScale(2, RoundingMode.HALF_UP), Money.EUR);
    }

    static Set<String> invoiceNumbers(Map<String, Money> truth) {
        return new HashSet<>(truth.keySet());
    }
}
