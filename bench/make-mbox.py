#!/usr/bin/env python3
"""Builds a large, realistic mbox (mboxrd) for benchmarks from the bounce samples in samples/*.eml.

Each message is one sample with fresh recipient addresses, Message-IDs and (for half of the DSN-style
bounces) other SMTP reply and enhanced status codes of the same class; a fifth of the bounces that return
the whole original message get a longer original body (a newsletter of 2-24 KB, some lines starting with
"From "). The mix leans on the common formats (Postfix, Office 365, Gmail, Exim) and keeps some
auto-replies, feedback reports and messages that are not bounces. The same seed gives the same bytes.

    python3 bench/make-mbox.py OUT.mbox [--messages 100000] [--seed 5]

Only the Python standard library is used.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SAMPLES = os.path.join(ROOT, "samples")
EXPECTED = os.path.join(ROOT, "src", "test", "resources", "fixtures", "expected")

# relative frequency by file-name prefix; anything else weighs 1
WEIGHTS = {"postfix-": 3, "office365-": 2, "outlookcom-": 2, "gmail-": 2, "exim-": 2, "yahoo-": 2,
           "amazonses-": 2, "qmail-": 1, "autoreply-": 1, "arf-": 1, "newsletter-": 1}

# replacement (reply code, enhanced status) pairs, by class digit
CODES = {
    "5": [("550", "5.1.1"), ("550", "5.1.10"), ("553", "5.1.3"), ("550", "5.2.1"), ("552", "5.2.2"),
          ("550", "5.7.1"), ("554", "5.7.1"), ("550", "5.4.1"), ("552", "5.3.4"), ("550", "5.7.26"),
          ("554", "5.6.0"), ("550", "5.1.2")],
    "4": [("450", "4.2.0"), ("421", "4.7.0"), ("451", "4.3.0"), ("452", "4.2.2"), ("450", "4.7.1"),
          ("451", "4.4.1")],
}

FIRST = ["anna", "ben", "chen", "dara", "elif", "farah", "goran", "hana", "ivan", "jade", "kofi", "lena",
         "mateo", "nora", "omar", "paula", "quinn", "rosa", "sami", "tara", "ugo", "vera", "wen", "xenia",
         "yusuf", "zoe"]
LAST = ["abe", "berg", "costa", "diallo", "evans", "fischer", "garcia", "horvat", "ito", "jensen", "kaur",
        "lopez", "moreau", "nakamura", "olsen", "petrov", "quist", "rossi", "silva", "tanaka", "umar",
        "varga", "weber", "xu", "yilmaz", "zhang"]
WORDS = ("our new season collection arrives this week with fresh colours light fabrics and prices that "
         "make the change easy read the full story on the blog or visit a store near you for the event "
         "members get early access free delivery and a gift with every order over fifty euros").split()

MSGID_HEADER = re.compile(rb"^(?:message-id|original-message-id|in-reply-to|references):[ \t]*(.*)$",
                          re.I | re.M)
MSGID = re.compile(rb"<([^<>@\s]+)@([^<>\s]+)>")
FROM_LINE = re.compile(rb"^(>*From )", re.M)
STATUS = re.compile(rb"^Status:[ \t]*([245])\.\d{1,3}\.\d{1,3}", re.I | re.M)
CODE_PAIR = re.compile(rb"\b([245]\d\d)[ -]([245]\.\d{1,3}\.\d{1,3})\b")


class Sample:
    def __init__(self, name, data):
        self.name = name
        self.data = data.replace(b"\r\n", b"\n")
        self.weight = next((w for p, w in WEIGHTS.items() if name.startswith(p)), 1)
        self.recipients = self._recipients()
        self.msgids = sorted({m.group(0) for h in MSGID_HEADER.finditer(self.data) for m in MSGID.finditer(h.group(1))})
        self.codes = self._codes()
        self.sender = self._header(b"return-path") or b"MAILER-DAEMON"
        self.pad_at = self._pad_point()

    def _header(self, name):
        m = re.search(rb"^" + name + rb":[ \t]*<?([^<>\s]*)>?", self.data.split(b"\n\n", 1)[0], re.I | re.M)
        return m.group(1) if m and m.group(1) else None

    def _recipients(self):
        """Local parts of the recipients (from the fixture's expected verdicts, else Final-Recipient lines)."""
        addrs = set()
        props = os.path.join(EXPECTED, self.name[:-4] + ".properties")
        if os.path.exists(props):
            with open(props, encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"v\d+\.recipient=(\S+@\S+)", line.strip())
                    if m:
                        addrs.add(m.group(1).encode())
        if not addrs:
            addrs = {m.group(1) for m in re.finditer(rb"^Final-Recipient:[^;]*;\s*<?([^<>\s]+@[^<>\s]+)", self.data, re.I | re.M)}
        return sorted(addrs)

    def _codes(self):
        """(reply, status) of the first failure in the sample, when it has one to vary."""
        m = CODE_PAIR.search(self.data)
        if m and m.group(1)[:1] == m.group(2)[:1] and m.group(1)[:1] in (b"4", b"5"):
            return m.group(1), m.group(2)
        return None

    def _pad_point(self):
        """Where a longer original body can go: the end of a returned 7/8-bit text/plain message."""
        at = self.data.lower().rfind(b"content-type: message/rfc822")
        if at < 0:
            return None
        inner = self.data[at:]
        m = re.search(rb"\n--([^\n]+)--[ \t]*\n?\Z", inner.rstrip(b"\n") + b"\n")
        head_end = inner.find(b"\n\n")
        inner_head = inner[head_end + 2:inner.find(b"\n\n", head_end + 2)].lower()
        if m is None or b"multipart" in inner_head or b"base64" in inner_head or b"quoted-printable" in inner_head \
                or b"text/html" in inner_head:
            return None
        return at + inner.rstrip(b"\n").rfind(b"\n--") + 1


def person(rng):
    return "%s.%s%d" % (rng.choice(FIRST), rng.choice(LAST), rng.randrange(1, 10000))


def newsletter(rng):
    lines, size, target = [], 0, rng.randrange(2 << 10, 24 << 10)
    while size < target:
        if rng.random() < 0.03:
            line = "From %s with love: %s" % (rng.choice(FIRST).title(), " ".join(rng.choice(WORDS) for _ in range(6)))
        else:
            line = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(8, 14)))
        lines.append(line)
        size += len(line) + 1
    return ("\n".join(lines) + "\n").encode()


def vary(sample, rng, serial):
    data = sample.data
    if sample.pad_at is not None and rng.random() < 0.2:
        data = data[:sample.pad_at] + b"\n" + newsletter(rng) + data[sample.pad_at:]
    for addr in sample.recipients:
        local, _, domain = addr.partition(b"@")
        new = person(rng).encode()
        data = re.sub(re.escape(local) + rb"(?=[@=]" + re.escape(domain) + rb")", new, data, flags=re.I)
    for mid in sample.msgids:
        host = mid[mid.index(b"@"):]
        data = data.replace(mid, b"<%016x.%d%s" % (rng.getrandbits(64), serial, host))
    if sample.codes and rng.random() < 0.5:
        reply, status = sample.codes
        new_reply, new_status = rng.choice(CODES[reply[:1].decode()])
        data = re.sub(rb"(?<![\d.])" + re.escape(status) + rb"(?![\d.])", new_status.encode(), data)
        data = re.sub(rb"\b" + reply + rb"(?=[ -][245]\.)", new_reply.encode(), data)
    return data


def from_line(sample, rng):
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return b"From %s %s %s %2d %02d:%02d:%02d 2024\n" % (
        sample.sender, rng.choice(days).encode(), rng.choice(months).encode(), rng.randrange(1, 29),
        rng.randrange(24), rng.randrange(60), rng.randrange(60))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="the mbox to write ('-' for stdout)")
    ap.add_argument("--messages", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".eml"))
    samples = []
    for n in names:
        with open(os.path.join(SAMPLES, n), "rb") as f:
            samples.append(Sample(n, f.read()))
    rng = random.Random(args.seed)
    weights = [s.weight for s in samples]
    out = sys.stdout.buffer if args.out == "-" else open(args.out + ".tmp", "wb")
    total = 0
    for i in range(args.messages):
        s = rng.choices(samples, weights)[0]
        body = FROM_LINE.sub(rb">\1", vary(s, rng, i))  # mboxrd: one more '>' on every ^>*From line
        if not body.endswith(b"\n"):
            body += b"\n"
        chunk = from_line(s, rng) + body + b"\n"
        out.write(chunk)
        total += len(chunk)
    if out is not sys.stdout.buffer:
        out.close()
        os.replace(args.out + ".tmp", args.out)
    print("make-mbox: %d messages, %.1f MB from %d samples (seed %d)" % (args.messages, total / 1e6, len(samples), args.seed),
          file=sys.stderr)


if __name__ == "__main__":
    main()
