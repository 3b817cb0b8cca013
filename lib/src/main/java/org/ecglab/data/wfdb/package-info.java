/**
 * Reading and writing PhysioNet WFDB records (header {@code .hea} + signal files {@code .dat}), implemented from
 * the WFDB specification (https://wfdb.io/spec/header-files.html and signal-files.html): signal formats 16, 32 and
 * 212, physical values {@code (digital - baseline) / gain}, and the header's initial values and 16-bit checksums
 * verified on every read; and annotation files ({@code .atr}) in the MIT format
 * ({@link org.ecglab.data.wfdb.WfdbAnnotationFile}). Every problem is reported as a
 * {@link org.ecglab.data.wfdb.WfdbException} that names the file and what is wrong.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data.wfdb;
