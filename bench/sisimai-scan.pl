#!/usr/bin/perl
# Runs Sisimai (Debian package libsisimai-perl) over an mbox the way bench/compare.sh runs bouncekit:
# every message parsed, delivered and vacation results kept, one JSON line per result written to stdout.
# Prints "messages=N results=M seconds=S" on stderr. Sisimai 4 has make() (delivered only; vacation
# results are always kept), Sisimai 5 has rise() (delivered and vacation options).
use strict;
use warnings;
use Sisimai;
use Time::HiRes qw(time);

my $mbox = shift or die "usage: $0 MBOX\n";
my $t0 = time;
my $messages = 0;
my $results = 0;
# The hook runs once per message Sisimai reads, bounce or not: it counts the messages.
my $hook = sub { $messages++; return {} };
my $data = Sisimai->can('rise')
    ? Sisimai->rise($mbox, 'delivered' => 1, 'vacation' => 1, 'c___' => [$hook, undef])
    : Sisimai->make($mbox, 'delivered' => 1, 'vacation' => 1, 'hook' => $hook);
for my $d (@{ $data || [] }) {
    print $d->dump('json'), "\n";
    $results++;
}
printf STDERR "messages=%d results=%d seconds=%.3f\n", $messages, $results, time - $t0;
