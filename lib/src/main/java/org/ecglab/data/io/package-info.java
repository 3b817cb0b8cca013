/**
 * File plumbing shared by every layer: {@link org.ecglab.data.io.AtomicFiles} writes files and folders through a
 * temporary sibling and a rename, so a reader never sees a half-written result and a failed write leaves nothing
 * behind (several files as one unit: {@link org.ecglab.data.io.AtomicBatch}); it refuses special files as targets,
 * writes through symbolic links, checks output paths before work, and cleans up after writers that were killed; {@link org.ecglab.data.io.Json} is the one Gson configuration for the JSON of provenance files, sidecars and
 * interop bundles, and {@link org.ecglab.data.io.JsonFields} reads a parsed object field by field with errors that
 * name the file and the field.
 *
 * <p>May import: nothing of ours.
 */
package org.ecglab.data.io;
