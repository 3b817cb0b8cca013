/**
 * ECG Attribution Lab: train 1-D CNNs on 12-lead median-beat ECGs, explain them with attribution methods, and test
 * how far the explanations can be trusted. One package per responsibility; data flows one way, and no package
 * imports one above it:
 *
 * <pre>
 *   data (io, npy, wfdb, ptbxl, synthetic)   stats
 *        \                                   /
 *         nn  ->  train  ->  registry        |
 *          \                                 |
 *           interop, attribution (gradient, path, propagation, cam, perturbation)
 *                                  \         |
 *                                   metrics -+
 *                                       \
 *                                     experiment  ->  plot  ->  cli
 * </pre>
 *
 * Each package's {@code package-info} says what it holds and, in a sentence beginning "May import:", which of the
 * lab's packages it may import; a unit test ({@code PackageDependencyTest}) checks every source file against that
 * sentence. This package itself holds only {@link org.ecglab.LibraryVersion}, which every layer may record.
 *
 * <p>May import: nothing of ours.
 */
package org.ecglab;
