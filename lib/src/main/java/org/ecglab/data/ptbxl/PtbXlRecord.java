package org.ecglab.data.ptbxl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ecglab.data.Split;

/**
 * One row of {@code ptbxl_database.csv}, the columns this library uses.
 *
 * @param ecgId      PTB-XL's record id (1..21837)
 * @param patientId  patient id (stored as a float in the CSV)
 * @param scpCodes   SCP statement to likelihood in the order written, see {@link ScpCodes}; unmodifiable
 * @param stratFold  stratified fold 1..10
 * @param filenameLr path of the 100 Hz record relative to the PTB-XL root, without extension
 * @param filenameHr path of the 500 Hz record, likewise
 */
public record PtbXlRecord(int ecgId, double patientId, Map<String, Double> scpCodes, int stratFold,
        String filenameLr, String filenameHr) {

    public PtbXlRecord {
        // Not Map.copyOf: its iteration order is hash-based and changes between JVM runs, losing the CSV order.
        scpCodes.forEach((code, likelihood) -> {
            Objects.requireNonNull(code, "scp code");
            Objects.requireNonNull(likelihood, "likelihood of " + code);
        });
        scpCodes = Collections.unmodifiableMap(new LinkedHashMap<>(scpCodes));
    }

    /** PTB-XL's recommended split: folds 1-8 train, 9 validation, 10 test. */
    public Split split() {
        return Split.ofPtbXlFold(stratFold);
    }
}
