package io.fms.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ada Lovelace", "", "Zoë Ørsted", "李小龍", "🛫 emoji pair", "tab\tand newline\n"})
    void ordinaryTextIsStorableAndWellFormed(String text) {
        assertThat(Texts.isStorable(text)).isTrue();
        assertThat(Texts.isWellFormed(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\ud800b", "\udc00", "end\ud83d", "\udc00\ud800", "nul\u0000"})
    void loneSurrogatesAndNulAreNotStorable(String text) {
        assertThat(Texts.isStorable(text)).isFalse();
        assertThat(Texts.isWellFormed(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ufffe", "\uffff", "\ufdd0", "\ufdef", "x\ud83f\udffe"})
    void noncharactersAreStorableButNotWellFormed(String text) {
        assertThat(Texts.isStorable(text)).isTrue();
        assertThat(Texts.isWellFormed(text)).isFalse();
    }

    @Test
    void aPairStraddlingTheEndIsLone() {
        assertThat(Texts.isStorable("ok\ud83d\ude00")).isTrue();
        assertThat(Texts.isStorable("ok\ud83d")).isFalse();
    }
}
