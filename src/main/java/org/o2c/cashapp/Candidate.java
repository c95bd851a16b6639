package org.o2c.cashapp;

import java.util.List;
import org.o2c.shared.Money;

/**
 * One way to place a bank line: the amounts per invoice, what would be written off and what would stay
 * as customer credit, its score, and whether the rules allow applying it without a person
 * ({@code automaticAllowed}: e.g. never on the amount alone, never on a typo without amount and payer).
 */
record Candidate(List<Proposal.Allocation> allocations, Money writeOff, Money customerCredit, Score score,
                 boolean automaticAllowed) {

    Proposal toProposal(MatchingPolicy policy) {
        int points = score.perMille();
        Proposal.Band band;
        if (automaticAllowed && points >= policy.automaticFromPerMille()) {
            band = Proposal.Band.AUTOMATIC;
        } else if (points >= policy.suggestFromPerMille()) {
            band = Proposal.Band.SUGGESTED;
        } else {
            band = Proposal.Band.UNMATCHED;
        }
        if (band == Proposal.Band.UNMATCHED) {
            Money zero = Money.zero(writeOff.currency());
            return new Proposal(band, score.confidence(), List.of(), zero, zero, score.reasons());
        }
        return new Proposal(band, score.confidence(), allocations, writeOff, customerCredit, score.reasons());
    }

    boolean automatic(MatchingPolicy policy) {
        return automaticAllowed && score.perMille() >= policy.automaticFromPerMille();
    }
}
