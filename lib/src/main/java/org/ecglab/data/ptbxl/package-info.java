/**
 * PTB-XL (Wagner et al., Scientific Data 7:154, 2020) and PTB-XL+ (Strodthoff et al., Scientific Data 10:279,
 * 2023): the record table {@code ptbxl_database.csv}, raw 10-second records at 100 or 500 Hz, the mapping from
 * SCP-ECG statements to the lab's nine {@link org.ecglab.data.DiagnosticClass} tasks, and PTB-XL+ median beats
 * loaded into an {@link org.ecglab.data.EcgDataset} together with a {@link org.ecglab.data.ptbxl.PtbXlLoadReport}:
 * units decided per source and verified on every beat ({@link org.ecglab.data.ptbxl.BeatUnits}), and ECGdeli
 * fiducial points ({@link org.ecglab.data.ptbxl.EcgdeliPoints}) placed in each beat by aligning it with its raw
 * recording ({@link org.ecglab.data.ptbxl.FiducialAligner}).
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data.ptbxl;
