package org.bouncekit.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The names in one directory, sorted by code point for a deterministic order. Sorting needs the whole listing,
 * so it is packed: a Maildir folder of a million messages costs about 70 MB here instead of the ~150 MB that
 * a list of Paths or Strings would take.
 */
final class DirectoryListing {
    private byte[] names = new byte[4096];
    private int used;
    private int[] starts = new int[64];
    private int count;
    private int[] order;

    private DirectoryListing() {
    }

    /** Lists {@code dir}. Entries that fail mid-listing end the listing with the exception. */
    static DirectoryListing of(Path dir) throws IOException {
        DirectoryListing listing = new DirectoryListing();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if (name != null) {
                    listing.add(name.toString());
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        listing.sort();
        return listing;
    }

    int size() {
        return count;
    }

    /** The {@code i}-th name in sorted order. */
    String name(int i) {
        int at = order[i];
        int start = starts[at];
        int end = at + 1 < count ? starts[at + 1] : used;
        return new String(names, start, end - start, StandardCharsets.UTF_8);
    }

    private void add(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (used + b.length > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, used + b.length));
        }
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = used;
        System.arraycopy(b, 0, names, used, b.length);
        used += b.length;
    }

    private void sort() {
        order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[count], 0, count);
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && compare(tmp[i], tmp[j]) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    /** Unsigned byte order of UTF-8, which is code point order. */
    private int compare(int x, int y) {
        int xs = starts[x];
        int xe = x + 1 < count ? starts[x + 1] : used;
        int ys = starts[y];
        int ye = y + 1 < count ? starts[y + 1] : used;
        return Arrays.compareUnsigned(names, xs, xe, names, ys, ye);
    }
}
