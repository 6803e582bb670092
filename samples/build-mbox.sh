#!/bin/sh
# Rebuilds bounces.mbox from the *.eml samples next to this script.
#
# Format: mboxrd. Each message starts with a From_ line carrying the envelope
# sender (from Return-Path; MAILER-DAEMON for the null sender <>) and the
# message's Date in asctime form; body lines matching /^>*From / gain one '>'
# (reversible, unlike mboxo); each message is followed by one blank line.
# Order is the byte order of the file names, so the output is reproducible.
set -eu
LC_ALL=C
export LC_ALL
cd "$(dirname "$0")"

out=bounces.mbox
tmp=$out.tmp.$$
trap 'rm -f "$tmp"' EXIT
: > "$tmp"

for f in *.eml; do
    awk '
    BEGIN {
        split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
        for (i = 1; i <= 12; i++) monthno[mon[i]] = i
        split("Sun Mon Tue Wed Thu Fri Sat", wday, " ")
        split("0 3 2 5 0 3 5 1 4 6 2 4", sak, " ")
        inhead = 1; sender = "MAILER-DAEMON"; n = 0
    }
    inhead && /^$/ { inhead = 0 }
    inhead && tolower($0) ~ /^return-path:/ && !seenrp {
        seenrp = 1
        v = $0; sub(/^[^<]*</, "", v); sub(/>.*$/, "", v)
        if (v != "" && v !~ /[ \t]/) sender = v
    }
    inhead && tolower($0) ~ /^date:/ && !seendate {
        seendate = 1; datel = $0
    }
    { line[++n] = $0 }
    END {
        stamp = "Thu Jan  1 00:00:00 1970"
        if (datel != "") {
            s = datel; sub(/^[^:]*:[ \t]*/, "", s); sub(/^[A-Za-z]+,[ \t]*/, "", s)
            k = split(s, p, /[ \t]+/)
            if (k >= 4 && (p[2] in monthno)) {
                d = p[1] + 0; m = monthno[p[2]]; y = p[3] + 0
                yy = (m < 3) ? y - 1 : y
                w = (yy + int(yy / 4) - int(yy / 100) + int(yy / 400) + sak[m] + d) % 7
                stamp = sprintf("%s %s %2d %s %d", wday[w + 1], p[2], d, p[4], y)
            }
        }
        printf "From %s %s\n", sender, stamp
        for (i = 1; i <= n; i++) {
            if (line[i] ~ /^>*From /) printf ">"
            print line[i]
        }
        print ""
    }' "$f" >> "$tmp"
done

mv "$tmp" "$out"
trap - EXIT
