package org.ecglab.data;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.IntStream;

/**
 * A SHA-256 fingerprint of a dataset's content: record ids, signals (exact float bits), multi-hot labels and splits,
 * in record order. Two datasets with the same hash hold the same records, so a model trained on one is valid for
 * the other; the name and the masks are not hashed (masks do not affect training). Computing it reads every sample
 * once (about 1 s per 30,000 ECGs), so compute it once per dataset and pass the string around.
 *
 * <p>Byte stream hashed: the tag {@code "ecglab-dataset-1"}, the record count, then per record the id's UTF-8 length
 * and bytes, the split ordinal, the nine labels as bytes 0/1 and the 12 x 600 signal values as big-endian IEEE-754
 * bits, leads in standard order.
 */
public final class DatasetHash {
    private static final String TAG = "ecglab-dataset-1";
    private static final String SIGNALS_TAG = "ecglab-signals-3";
    /** From this many ECGs on, {@link #ofSignals} hashes them in parallel; fewer are not worth waking a thread for. */
    static final int PARALLEL_FROM = 32;

    private DatasetHash() {
    }

    /** The full 64-digit lower-case hex SHA-256 of {@code data}'s content. */
    public static String of(EcgDataset data) {
        MessageDigest digest = sha256();
        digest.update(TAG.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buf = ByteBuffer.allocate(Math.max(64, 4 * EcgFormat.LEADS * EcgFormat.SAMPLES));
        buf.putInt(data.size());
        flush(digest, buf);
        for (int i = 0; i < data.size(); i++) {
            byte[] id = data.ids().get(i).getBytes(StandardCharsets.UTF_8);
            buf.putInt(id.length);
            flush(digest, buf);
            digest.update(id);
            buf.putInt(data.split(i).ordinal());
            for (boolean label : data.labels(i)) {
                buf.put((byte) (label ? 1 : 0));
            }
            flush(digest, buf);
            for (float[] lead : data.signal(i)) {
                buf.asFloatBuffer().put(lead);
                buf.position(buf.position() + 4 * lead.length);
            }
            flush(digest, buf);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A 128-bit MurmurHash3 (x64, seed 0: Guava's {@code Hashing.murmur3_128()}), as 32 hex digits, of signals alone:
     * the tag {@code "ecglab-signals-3"}, the count as a little-endian int, then each ECG's own 16-byte MurmurHash3 of
     * its values' IEEE-754 bits, little-endian, lead by lead. What an attribution records of its inputs and what the
     * experiments' caches key maps by.
     *
     * <p>Not cryptographic, on purpose: it tells inputs apart (two different inputs collide by accident with probability
     * about 2<sup>-128</sup>), which is all a record of provenance or a cache key needs. Hashing each ECG on its own
     * lets {@value #PARALLEL_FROM} or more ECGs be hashed on every core: 6 µs per ECG on one, about 3.5 on our two.
     * Earlier definitions: SHA-256 (17 µs per ECG, a fifteenth of the cost of a saliency map, issue 10's pass-cost
     * benchmark), then one MurmurHash3 over all values ({@code "ecglab-signals-2"}). Datasets, whose hash decides
     * whether a model was trained on them, keep SHA-256 ({@link #of}).
     */
    public static String ofSignals(float[][][] signals) {
        byte[][] perEcg = new byte[signals.length][];
        IntStream ecgs = IntStream.range(0, signals.length);
        (signals.length >= PARALLEL_FROM ? ecgs.parallel() : ecgs).forEach(i -> perEcg[i] = ecgHash(signals[i]));
        Hasher hasher = Hashing.murmur3_128().newHasher();
        hasher.putBytes(SIGNALS_TAG.getBytes(StandardCharsets.US_ASCII));
        hasher.putInt(signals.length);
        for (byte[] h : perEcg) {
            hasher.putBytes(h);
        }
        return hasher.hash().toString();
    }

    private static byte[] ecgHash(float[][] ecg) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        ByteBuffer buf = littleEndian(EcgFormat.SAMPLES);
        for (float[] lead : ecg) {
            if (lead.length > buf.capacity() / Float.BYTES) {
                buf = littleEndian(lead.length);
            }
            buf.clear();
            buf.asFloatBuffer().put(lead);
            buf.limit(Float.BYTES * lead.length);
            hasher.putBytes(buf);
        }
        return hasher.hash().asBytes();
    }

    private static ByteBuffer littleEndian(int floats) {
        return ByteBuffer.allocate(Float.BYTES * floats).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The first 12 hex digits, enough to tell datasets apart in messages and tables. */
    public static String shortForm(String hash) {
        return hash.length() <= 12 ? hash : hash.substring(0, 12);
    }

    private static void flush(MessageDigest digest, ByteBuffer buf) {
        buf.flip();
        digest.update(buf);
        buf.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
