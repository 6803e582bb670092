package org.bouncekit.output;

/**
 * The categories other mail services give an outcome; each null when the service has no equivalent.
 *
 * @param ses       Amazon SES {@code bounceType/bounceSubType}, or the notification type Delivery or Complaint
 * @param sparkpost SparkPost bounce class number
 * @param postmark  Postmark bounce type
 * @param sendgrid  SendGrid bounce classification
 */
record Crosswalk(String ses, Integer sparkpost, String postmark, String sendgrid) {
    static final Crosswalk NONE = new Crosswalk(null, null, null, null);
}
