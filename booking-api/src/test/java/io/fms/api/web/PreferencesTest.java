package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    @Test
    void readsAPreferenceAmongOthers() {
        assertThat(Preferences.first(List.of("respond-async, wait=10"), "wait")).contains("10");
        assertThat(Preferences.first(List.of("return=minimal", "wait=5"), "wait"))
                .contains("5");
    }

    @Test
    void namesAreCaseInsensitiveAndValuesMayBeQuotedOrSpaced() {
        assertThat(Preferences.first(List.of("WAIT=\"7\""), "wait")).contains("7");
        assertThat(Preferences.first(List.of("wait = 8"), "wait")).contains("8");
        assertThat(Preferences.first(List.of("foo=\"a,wait=1\", wait=9"), "wait"))
                .contains("9");
    }

    @Test
    void parametersAfterASemicolonAreNotPartOfTheValue() {
        assertThat(Preferences.first(List.of("wait=3; foo=bar"), "wait")).contains("3");
    }

    @Test
    void theFirstOfARepeatedPreferenceCounts() {
        assertThat(Preferences.first(List.of("wait=1, wait=30"), "wait")).contains("1");
        assertThat(Preferences.first(List.of("wait=2", "wait=30"), "wait")).contains("2");
    }

    @Test
    void aPreferenceWithoutValueIsEmptyAndAnAbsentOneIsNone() {
        assertThat(Preferences.first(List.of("wait"), "wait")).contains("");
        assertThat(Preferences.first(List.of("respond-async", ""), "wait")).isEmpty();
        assertThat(Preferences.first(List.of(), "wait")).isEmpty();
        assertThat(Preferences.first(List.of("waiting=3"), "wait")).isEmpty();
    }

    @Test
    void readsNoMoreThanItsBoundOfPreferences() {
        String many = "x,".repeat(100) + "wait=4";

        assertThat(Preferences.first(List.of(many), "wait")).isEmpty();
        assertThat(Preferences.first(List.of("x,".repeat(10) + "wait=4"), "wait"))
                .contains("4");
    }
}
