package org.ecglab.data.npy;

/**
 * The record signatures and limits of the zip format (PKWARE APPNOTE 6.3) that {@link NpzWriter} writes and
 * {@link NpzArchive} reads.
 */
final class ZipFormat {
    /** Local file header. */
    static final int LOCAL = 0x04034b50;
    /** Central directory file header. */
    static final int CENTRAL = 0x02014b50;
    /** End of central directory record. */
    static final int END = 0x06054b50;
    /** ZIP64 end of central directory record. */
    static final int ZIP64_END = 0x06064b50;
    /** ZIP64 end of central directory locator. */
    static final int ZIP64_LOCATOR = 0x07064b50;
    /** A 32-bit field's largest value, which in a ZIP64 archive says "see the ZIP64 field". */
    static final long MAX32 = 0xFFFFFFFFL;
    /** Compression method of an uncompressed entry. */
    static final int STORED = 0;
    /** Compression method of a deflated entry. */
    static final int DEFLATED = 8;

    private ZipFormat() {
    }
}
