package org.o2c.cashapp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The points a proposal earns, per mille, and the reasons a person reads. Each reason is a code followed
 * by its arguments, separated by single spaces ({@code 'REF_TYPO 202600024 RE-2026-00042'}); the UI
 * shows it with the message {@code cashapp.reason.<CODE>} and the arguments as {@code {0}}, {@code {1}}.
 * The weights make three kinds of evidence — a reference, the amount, the payer — add up: one alone
 * is a suggestion, two that agree reach the automatic threshold.
 */
final class Score {
    static final int REF_CREDITOR_REFERENCE = 650;
    static final int REF_EXACT = 600;
    static final int REF_OCR = 550;
    static final int REF_TYPO = 400;
    static final int AMOUNT_EXACT = 300;
    static final int AMOUNT_SKONTO = 280;
    static final int AMOUNT_COMBINED = 280;
    static final int AMOUNT_WITHIN_TOLERANCE = 250;
    static final int AMOUNT_OVERPAID = 120;
    static final int AMOUNT_PARTIAL = 100;
    static final int PAYER_IBAN = 250;
    static final int PAYER_MEMORY = 220;
    static final int PAYER_CUSTOMER_NUMBER = 250;
    static final int PAYER_NAME_BASE = 150;
    static final int PAYER_OTHER_CUSTOMER = -300;
    static final int ONLY_FIT_AMONG_PAYERS_ITEMS = 350;
    static final int MAX = 990;

    private int points;
    private final List<String> reasons = new ArrayList<>();

    Score add(int points, String reason) {
        this.points += points;
        reasons.add(reason);
        return this;
    }

    Score note(String reason) {
        reasons.add(reason);
        return this;
    }

    /** Points for a payer name that agrees: 150 at the threshold, up to 200 for the same name. */
    static int forName(int similarity, int threshold) {
        int range = Math.max(1, 1000 - threshold);
        return PAYER_NAME_BASE + 50 * Math.max(0, similarity - threshold) / range;
    }

    int perMille() {
        return Math.max(0, Math.min(MAX, points));
    }

    BigDecimal confidence() {
        return BigDecimal.valueOf(perMille(), 3);
    }

    List<String> reasons() {
        return List.copyOf(reasons);
    }
}
