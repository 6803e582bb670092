package org.bouncekit.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncekit.BounceClass;
import org.bouncekit.Decision;
import org.bouncekit.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeDictionaryTest {

    private final CodeDictionary en = CodeDictionary.forLocale(Locale.ENGLISH);
    private final CodeDictionary de = CodeDictionary.forLocale(Locale.GERMAN);

    @Test
    void replyCodeHasItsOwnEntryWithClassReferenceAndPairings() {
        CodeEntry e = en.replyCode(552).orElseThrow();
        assertEquals(EntryKind.REPLY_CODE, e.kind());
        assertEquals("552", e.code());
        assertEquals(BounceClass.PERMANENT, e.severity());
        assertEquals(en.text("class.reply.5"), e.severityName());
        assertEquals("RFC 5321", e.reference());
        assertEquals(List.of("5.2.2", "5.3.4", "5.2.3"), e.pairedCodes());
        assertFalse(e.fallback());
        assertEquals(en.text("reply.552.title"), e.title());
    }

    @ParameterizedTest
    @CsvSource({"299,2,INFORMATIONAL", "399,3,INFORMATIONAL", "459,4,TRANSIENT", "599,5,PERMANENT", "200,2,INFORMATIONAL"})
    void unlistedReplyCodesFallBackToTheirClass(int code, int cls, BounceClass severity) {
        CodeEntry e = en.replyCode(code).orElseThrow();
        assertTrue(e.fallback());
        assertEquals(String.valueOf(code), e.code());
        assertEquals(severity, e.severity());
        assertEquals(en.text("replyclass." + cls + ".title"), e.title());
        assertEquals(List.of(), e.pairedCodes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 199, 600, 999, -550, 5520})
    void replyCodesOutsideTheClassesAreEmpty(int code) {
        assertTrue(en.replyCode(code).isEmpty());
    }

    @Test
    void enhancedStatusIsTheRegistryEntryInItsClassWithSameClassReplyCodes() {
        CodeEntry permanent = en.enhancedStatus("5.2.2").orElseThrow();
        CodeEntry transient_ = en.enhancedStatus("4.2.2").orElseThrow();
        assertEquals(BounceClass.PERMANENT, permanent.severity());
        assertEquals(BounceClass.TRANSIENT, transient_.severity());
        assertEquals(en.text("class.status.4"), transient_.severityName());
        assertEquals(permanent.title(), transient_.title());
        assertEquals(List.of("552", "550"), permanent.pairedCodes());
        assertEquals(List.of("452", "450"), transient_.pairedCodes());
        assertEquals("RFC 3463", permanent.reference());
        assertEquals(BounceClass.INFORMATIONAL, en.enhancedStatus("2.1.5").orElseThrow().severity());
        assertEquals(List.of("250", "251"), en.enhancedStatus("2.1.5").orElseThrow().pairedCodes());
    }

    @Test
    void twoDigitDetailsAreFound() {
        CodeEntry e = en.enhancedStatus("5.1.10").orElseThrow();
        assertFalse(e.fallback());
        assertEquals(en.text("status.X.1.10.title"), e.title());
        assertEquals("RFC 7505, RFC 7504", e.reference());
    }

    @Test
    void vendorDetailsFallBackToTheirSubject() {
        CodeEntry e = en.enhancedStatus("5.7.606").orElseThrow();
        assertTrue(e.fallback());
        assertEquals("5.7.606", e.code());
        assertEquals(BounceClass.PERMANENT, e.severity());
        assertTrue(e.title().startsWith("5.7.x " + en.text("subject.7.title")), e.title());
        assertTrue(e.title().endsWith("606"), e.title());
        assertEquals(en.text("subject.7.description"), e.description());
        CodeEntry g = de.enhancedStatus("4.7.650").orElseThrow();
        assertTrue(g.title().startsWith("4.7.x " + de.text("subject.7.title")), g.title());
    }

    @Test
    void leadingZerosAndSpacesAreNormalized() {
        assertEquals("5.2.2", en.enhancedStatus(" 5.02.002 ").orElseThrow().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.9.99", "5.8.1", "3.1.1", "1.0.0", "6.1.1", "5.2", "5.2.2.2", "5..2", "55.2.2",
            "5.2.1000", "5.1000.1", "x.1.1", "5.a.1", "", " "})
    void invalidEnhancedCodesAreEmpty(String code) {
        assertTrue(en.enhancedStatus(code).isEmpty(), code);
    }

    @Test
    void nullEnhancedCodeIsEmpty() {
        assertTrue(en.enhancedStatus(null).isEmpty());
    }

    @Test
    void reasonEntryCarriesItsDefaultDecisionAndTypicalCodes() {
        CodeEntry e = en.reason(Reason.MAILBOXFULL);
        assertEquals(EntryKind.REASON, e.kind());
        assertEquals("mailboxfull", e.code());
        assertNull(e.severity());
        assertEquals(en.text("decision." + Decision.RETRY.wireName()), e.severityName());
        assertEquals("bouncekit", e.reference());
        assertTrue(e.pairedCodes().containsAll(List.of("452", "552", "4.2.2", "5.2.2")));
        assertNotEquals(e.howToFix(), de.reason(Reason.MAILBOXFULL).howToFix());
    }

    @Test
    void germanEntriesAreGerman() {
        assertEquals(Locale.GERMAN, de.locale());
        assertEquals(de.text("reply.552.title"), de.replyCode(552).orElseThrow().title());
        assertNotEquals(en.replyCode(552).orElseThrow().title(), de.replyCode(552).orElseThrow().title());
        assertEquals(de.text("class.reply.5"), de.replyCode(552).orElseThrow().severityName());
    }

    @Test
    void dictionariesAreCachedPerResolvedLanguage() {
        assertSame(de, CodeDictionary.forLocale(Locale.GERMANY));
        assertSame(de, CodeDictionary.forLocale(Locale.forLanguageTag("de-CH")));
        assertSame(en, CodeDictionary.forLocale(Locale.US));
        assertSame(en, CodeDictionary.forLocale(Locale.ROOT));
    }

    @Test
    void aLanguageWithoutBundleFallsBackToEnglishRegardlessOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN); // must not leak into the fallback
            CodeDictionary fr = CodeDictionary.forLocale(Locale.FRENCH);
            assertEquals(Locale.ENGLISH, fr.locale());
            assertSame(en, fr);
            assertEquals(en.replyCode(552), fr.replyCode(552));
            assertEquals(en.reason(Reason.USERUNKNOWN), CodeDictionary.forLocale(Locale.JAPANESE).reason(Reason.USERUNKNOWN));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aThirdLanguageIsOneFileAndFallsBackToEnglishKeyByKey() {
        // src/test/resources/org/bouncekit/codes/Dictionary_zz.properties translates only reply.250.title.
        CodeDictionary zz = CodeDictionary.forLocale(Locale.forLanguageTag("zz"));
        assertEquals("zz", zz.locale().getLanguage());
        CodeEntry ok = zz.replyCode(250).orElseThrow();
        assertEquals("[zz] Requested action completed", ok.title());
        assertEquals(en.replyCode(250).orElseThrow().description(), ok.description());
        assertEquals(en.replyCode(552), zz.replyCode(552));
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(pool.submit(() -> CodeDictionary.forLocale(n % 2 == 0 ? Locale.GERMAN : Locale.ENGLISH)
                        .enhancedStatus("5.7." + (600 + n % 7)).orElseThrow().title()));
            }
            for (int i = 0; i < results.size(); i++) {
                String expected = (i % 2 == 0 ? de : en).enhancedStatus("5.7." + (600 + i % 7)).orElseThrow().title();
                assertEquals(expected, results.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> CodeDictionary.forLocale(null));
        assertThrows(NullPointerException.class, () -> en.reason(null));
    }

    @Test
    void entriesAreImmutable() {
        CodeEntry e = en.replyCode(550).orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> e.pairedCodes().add("5.9.9"));
    }
}
