/**
 * File plumbing shared by every layer: {@link org.ecglab.data.io.AtomicFiles} writes files and folders through a
 * temporary sibling and a rename, so a reader never sees a half-written result and a failed write leaves nothing
 * behind; {@link org.ecglab.data.io.Json} writes and parses the plain JSON of provenance files and interop bundles
 * without a dependency.
 */
package org.ecglab.data.io;
