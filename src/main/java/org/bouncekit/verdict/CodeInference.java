package org.bouncekit.verdict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.bouncekit.BounceClass;
import org.bouncekit.Reason;

/** Infers a missing enhanced status from the reason, and a missing reply code from the status. */
final class CodeInference {
    private static final Properties REASON_STATUS = load("reason-status.properties");
    private static final Properties STATUS_REPLY = load("status-reply.properties");

    private CodeInference() {
    }

    /** The status a reason implies in the given class, or null. */
    static String status(Reason reason, BounceClass cls) {
        String x = REASON_STATUS.getProperty(reason.wireName());
        if (x == null || cls == null) {
            return null;
        }
        char digit = cls == BounceClass.PERMANENT ? '5' : cls == BounceClass.TRANSIENT ? '4' : '2';
        if (digit == '2' && reason != Reason.DELIVERED) {
            return null;
        }
        return digit + x.substring(1);
    }

    /** The reply code a status usually comes with, or null. */
    static Integer replyCode(String status) {
        if (status == null) {
            return null;
        }
        String v = STATUS_REPLY.getProperty(status);
        if (v == null) {
            int second = status.indexOf('.', 2);
            v = STATUS_REPLY.getProperty(second < 0 ? status : status.substring(0, second));
        }
        return v == null ? null : Integer.valueOf(v);
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = CodeInference.class.getResourceAsStream(name)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
