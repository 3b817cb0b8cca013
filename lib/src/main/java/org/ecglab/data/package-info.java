/**
 * The lab's ECG format and datasets: {@link org.ecglab.data.EcgFormat} (12 leads × 600 samples at 500 Hz, mV),
 * {@link org.ecglab.data.Lead}, the nine {@link org.ecglab.data.DiagnosticClass}es with their criteria,
 * {@link org.ecglab.data.EcgDataset} (signals, labels, splits, ground-truth masks), its files and content hash,
 * {@link org.ecglab.data.MaskStatistics} (how much of each lead a class's masks cover), a beat's fiducial points
 * ({@link org.ecglab.data.BeatFiducials}), found from the signal by {@link org.ecglab.data.BeatDelineator}, and its
 * waves and segments ({@link org.ecglab.data.WaveSegments}). Sub-packages: file
 * plumbing ({@code io}), NumPy files ({@code npy}), WFDB records ({@code wfdb}), PTB-XL and PTB-XL+
 * ({@code ptbxl}), and the synthetic generator ({@code synthetic}). The bottom layer, beside {@code stats}.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data;
