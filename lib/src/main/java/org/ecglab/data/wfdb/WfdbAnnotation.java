package org.ecglab.data.wfdb;

import java.util.Objects;

/**
 * One annotation of a WFDB annotation file: its time and its label, with the optional fields the MIT format can
 * attach ({@link WfdbAnnotationFile}).
 *
 * @param sample  time as a sample number from the start of the record
 * @param type    annotation type code (1..49; e.g. 1 = N normal beat, 22 = NOTE, 24 = p, 27 = t, 39 = '(' onset,
 *                40 = ')' offset)
 * @param subtype the SUB field (signed 8-bit in the WFDB library), 0 when not given
 * @param chan    the CHN field (unsigned 8-bit), carried over from the previous annotation when not given
 * @param num     the NUM field (signed 8-bit), carried over from the previous annotation when not given
 * @param aux     the auxiliary text (AUX field), empty when not given
 */
public record WfdbAnnotation(long sample, int type, int subtype, int chan, int num, String aux) {
    /**
     * Display symbols of the standard WFDB annotation codes 0..41 (index = code), as listed in the WFDB
     * specification (annot.5) and wfdb-python's label table; codes 15 and 17 are unassigned.
     */
    private static final String[] SYMBOLS = {" ", "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q",
        "~", "", "|", "", "s", "T", "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n",
        "@", "x", "f", "(", ")", "r"};

    public WfdbAnnotation {
        Objects.requireNonNull(aux, "aux");
    }

    /** The standard display symbol of {@link #type()}, or {@code "[code]"} for a code without one. */
    public String symbol() {
        return type >= 0 && type < SYMBOLS.length && !SYMBOLS[type].isEmpty() ? SYMBOLS[type] : "[" + type + "]";
    }
}
