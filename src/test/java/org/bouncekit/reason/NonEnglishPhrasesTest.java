package org.bouncekit.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bouncekit.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The common bounce wordings of eight languages map to the right reason (no status code given). */
class NonEnglishPhrasesTest {
    private static Reason reason(String text) {
        return ReasonRules.builtIn().find(null, null, null, null, text, "body").reason();
    }

    private static void check(String text, String want) {
        assertEquals(Reason.fromWireName(want), reason(text), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Benutzer unbekannt: anna@example.de                 | userunknown
            Das Postfach existiert nicht                        | userunknown
            Postfach voll - Nachricht kann nicht zugestellt werden | mailboxfull
            Domäne unbekannt                                    | hostunknown
            Die Nachricht ist zu groß                           | mesgtoobig
            Die Nachricht wurde als Spam erkannt                | spamdetected
            Ihre IP-Adresse 192.0.2.1 ist gesperrt              | blocked
            Das Postfach wurde deaktiviert: Postfach deaktiviert | suspend
            """)
    void german(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Utilisateur inconnu                                 | userunknown
            Adresse destinataire invalide                       | userunknown
            Boîte pleine                                        | mailboxfull
            Domaine inexistant                                  | hostunknown
            Message trop volumineux                             | mesgtoobig
            Votre message a été considéré comme spam            | spamdetected
            Votre adresse IP 192.0.2.1 est bloquée              | blocked
            Compte désactivé                                    | suspend
            """)
    void french(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Usuario desconocido                                 | userunknown
            El buzón está lleno: buzón lleno                    | mailboxfull
            El dominio no existe                                | hostunknown
            Mensaje demasiado grande                            | mesgtoobig
            El mensaje fue detectado como spam                  | spamdetected
            La dirección IP 192.0.2.1 está bloqueada            | blocked
            Cuenta desactivada                                  | suspend
            """)
    void spanish(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Utente sconosciuto                                  | userunknown
            Casella piena                                       | mailboxfull
            Dominio inesistente                                 | hostunknown
            Messaggio troppo grande                             | mesgtoobig
            Il messaggio è stato considerato spam               | spamdetected
            Indirizzo IP 192.0.2.1 bloccato                     | blocked
            Casella disattivata                                 | suspend
            """)
    void italian(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Usuário desconhecido                                | userunknown
            Caixa postal cheia                                  | mailboxfull
            Domínio desconhecido                                | hostunknown
            Mensagem muito grande                               | mesgtoobig
            A mensagem foi identificada como spam               | spamdetected
            Endereço IP 192.0.2.1 bloqueado                     | blocked
            Conta desativada                                    | suspend
            """)
    void portuguese(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Gebruiker onbekend                                  | userunknown
            Postvak vol                                         | mailboxfull
            Domein bestaat niet                                 | hostunknown
            Bericht te groot                                    | mesgtoobig
            Het bericht is als spam aangemerkt                  | spamdetected
            Uw IP-adres 192.0.2.1 is geblokkeerd                | blocked
            Account gedeactiveerd                               | suspend
            """)
    void dutch(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Пользователь не найден                              | userunknown
            Почтовый ящик переполнен                            | mailboxfull
            Домен не найден                                     | hostunknown
            Слишком большое сообщение                           | mesgtoobig
            Сообщение распознано как спам                       | spamdetected
            Ваш IP-адрес 192.0.2.1 заблокирован                 | blocked
            """)
    void russian(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ユーザが存在しません                                 | userunknown
            メールボックスがいっぱいです                           | mailboxfull
            ドメインが存在しません                               | hostunknown
            メールサイズが制限を超えています                       | mesgtoobig
            迷惑メールと判断されました                            | spamdetected
            """)
    void japanese(String text, String want) {
        check(text, want);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            550 5.5.0 Le compte du destinataire est bloque   | suspend
            552 Boite aux lettres pleine                     | mailboxfull
            552 El buzon esta lleno                          | mailboxfull
            550 Dominio nao existe: dominio desconhecido     | hostunknown
            550 Usuario inexistente                          | userunknown
            """)
    void accentsStrippedByAsciiOnlyServersStillMatch(String text, String want) {
        check(text, want);
    }
}
