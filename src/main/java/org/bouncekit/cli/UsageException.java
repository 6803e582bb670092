package org.bouncekit.cli;

/** A problem with what the user asked for: printed as one line, exit status 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
