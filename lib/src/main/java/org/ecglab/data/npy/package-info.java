/**
 * NumPy's {@code .npy} and {@code .npz} file formats (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html),
 * so that datasets, attributions and model outputs can be exchanged with Python. Little-endian, C-order arrays of
 * the dtypes in {@link org.ecglab.data.npy.NpyDType}; files written here are byte-identical to what
 * {@code numpy.save} (1.24) writes for the same array. Archives of any size: {@link org.ecglab.data.npy.NpzWriter}
 * writes one entry at a time (ZIP64 past 4 GiB, fixed timestamps), {@link org.ecglab.data.npy.NpzArchive} reads
 * entries on demand and memory-maps large stored ones as {@link org.ecglab.data.npy.NpyRecords}.
 *
 * <p>May import: {@code org.ecglab.data.*}.
 */
package org.ecglab.data.npy;
