package org.o2c.cashapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of matching: reading references, comparing names, finding combinations. */
class MatchingPartsTest {

    static List<String> keys(String text) {
        return References.keys(text).stream().map(References.Key::text).toList();
    }

    @Test
    void references_are_read_across_separators_and_glued_prefixes() {
        assertThat(keys("SVWZ+RG2026 00042 EREF+NOTPROVIDED")).contains("202600042", "RG202600042");
        assertThat(keys("RE-2026/00042")).contains("RE202600042", "202600042");
        assertThat(keys("Bestellung Nr. 100233, danke")).contains("100233");
    }

    @Test
    void letters_inside_numbers_are_read_as_digits_but_words_stay_words() {
        assertThat(References.ocrDigits("2O26OOO42")).isEqualTo("202600042");
        assertThat(References.ocrDigits("RG2026OO685")).isEqualTo("RG202600685");
        assertThat(References.ocrDigits("SVWZ")).isEqualTo("SVWZ");
        assertThat(References.keys("RE 2O26-OOO42").stream().filter(k -> k.text().equals("202600042")))
                .allMatch(References.Key::ocr);
    }

    @Test
    void typo_variants_cover_a_swap_a_missing_an_extra_and_a_wrong_digit() {
        assertThat(References.typoVariants("202600024")).contains("202600042");
        assertThat(References.typoVariants("20260042")).contains("202600042");
        assertThat(References.typoVariants("2026000422")).contains("202600042");
        assertThat(References.typoVariants("202600043")).contains("202600042");
        assertThat(References.typoVariants("202600042")).doesNotContain("202600042");
    }

    @Test
    void creditor_references_are_found_with_spaces_and_only_with_correct_check_digits() {
        assertThat(References.creditorReferences("Ref RF18 5390 0754 7034 danke")).containsExactly("RF18539007547034");
        assertThat(References.creditorReferences("RF19 5390 0754 7034")).isEmpty();
    }

    @Test
    void names_are_compared_folded_and_in_any_order() {
        assertThat(NameSimilarity.similarity("Müller, Hans", "HANS MUELLER")).isEqualTo(1000);
        assertThat(NameSimilarity.similarity("Jürgen Groß", "GROSS JUERGEN")).isEqualTo(1000);
        assertThat(NameSimilarity.similarity("Weber Elektro GmbH", "WEBER ELEKTRO GMBH & CO. KG")).isEqualTo(1000);
        assertThat(NameSimilarity.similarity("Hans Müller", "H. Müller")).isBetween(900, 999);
        assertThat(NameSimilarity.similarity("Hans Müller", "Hans Müler")).isGreaterThan(900);
        assertThat(NameSimilarity.similarity("Hans Müller", "Erika Müller")).isLessThan(900);
        assertThat(NameSimilarity.similarity("Hans Müller", "Petra Kaiser")).isLessThan(600);
        assertThat(NameSimilarity.similarity("Hans Müller", "Müller")).isLessThanOrEqualTo(900);
    }

    @Test
    void jaro_winkler_agrees_with_the_textbook_values() {
        assertThat(NameSimilarity.jaroWinkler("martha", "marhta")).isEqualTo(961);
        assertThat(NameSimilarity.jaroWinkler("dwayne", "duane")).isEqualTo(840);
        assertThat(NameSimilarity.jaroWinkler("dixon", "dicksonx")).isEqualTo(813);
    }

    @Test
    void subset_sum_finds_the_one_combination_and_reports_two() {
        SubsetSum.Result one = SubsetSum.find(new long[] {4990, 2995, 1999, 12900}, 7985, 5);
        assertThat(one.unique()).isTrue();
        assertThat(one.only()).containsExactly(0, 1);
        SubsetSum.Result two = SubsetSum.find(new long[] {4990, 2995, 2995, 1000, 3990}, 7985, 5);
        assertThat(two.unique()).isFalse();
        assertThat(SubsetSum.find(new long[] {100, 200}, 50, 5).solutions()).isEmpty();
    }

    @Test
    void subset_sum_stays_bounded_on_many_items() {
        long[] many = new long[64];
        for (int i = 0; i < many.length; i++) {
            many[i] = 1000 + i;
        }
        SubsetSum.Result r = SubsetSum.find(many, 999_999, 5);
        assertThat(r.solutions()).isEmpty();
    }
}
